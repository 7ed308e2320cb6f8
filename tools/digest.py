import json,struct,hashlib,sys
for f in sys.argv[1:]:
    b=open(f,'rb').read(); n=struct.unpack('<Q',b[:8])[0]; h=json.loads(b[8:8+n]); d=b[8+n:]
    for k in sorted(x for x in h if x!='__metadata__'):
        s,e=h[k]['data_offsets']; print(k, hashlib.sha256(d[s:e]).hexdigest())
