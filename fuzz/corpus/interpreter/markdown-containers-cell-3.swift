let wide = 3
