ELF @@ ^^ {}
<html><body>not a model</body></html>
