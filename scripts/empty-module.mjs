// Stands in for the server-only package outside Next (the agp command line).
