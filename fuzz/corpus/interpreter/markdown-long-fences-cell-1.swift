let tilde = 1
