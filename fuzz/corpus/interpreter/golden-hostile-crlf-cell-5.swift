	channels[7]
