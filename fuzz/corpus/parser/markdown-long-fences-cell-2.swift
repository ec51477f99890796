let fenced = """
```
"""
