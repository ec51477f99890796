let onMarkerLine = 2
