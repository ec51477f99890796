let x = undefined
