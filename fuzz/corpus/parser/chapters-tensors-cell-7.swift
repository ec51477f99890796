let b = rand(2, 3) + rand(4)
