let channels = [6, 16]
channels.map { $0 * 2 }
