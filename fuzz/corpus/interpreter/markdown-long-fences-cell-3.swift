~~~
let inner = 2
