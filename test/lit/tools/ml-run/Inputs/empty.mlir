// No functions at all.
