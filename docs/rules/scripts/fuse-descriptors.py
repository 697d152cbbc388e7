# The fused descriptors (F2) of rule ../2026-12-06-mobilefacenet.md from two recognizers' descriptor CSVs: each
# network's unit descriptor centred on its own TRAIN plain mean, unit-normalised, concatenated, divided by sqrt 2.
# Usage: python3 fuse-descriptors.py ROBUST.csv MOBILEFACENET.csv OUT.csv  (then recognizer-comparison.py ROBUST.csv OUT.csv CHOOSE)
import csv,sys,numpy as np,hashlib
DS='celeba-subset'
def bucket(key):
    h=hashlib.sha256(key.encode()).digest(); v=int.from_bytes(h[:4],'big',signed=True); return v%100
def load(p):
    D={}
    for r in csv.reader(open(p)):
        if r[0]=='identity': continue
        v=np.array(r[4:],dtype=np.float64); D[(r[0],r[1],r[2])]=(r[3],v/np.linalg.norm(v))
    return D
A=load(sys.argv[1]); B=load(sys.argv[2])
keys=[k for k in A if k in B]
def mean_train(D): return np.mean([D[k][1] for k in keys if k[2]=='plain' and bucket(DS+'/'+k[0])<70],0)
ca,cb=mean_train(A),mean_train(B)
with open(sys.argv[3],'w') as o:
    o.write('identity,photo,condition,region'+''.join(f',d{i}' for i in range(len(ca)+len(cb)))+'\n')
    for k in keys:
        a=A[k][1]-ca; a/=np.linalg.norm(a); b=B[k][1]-cb; b/=np.linalg.norm(b)
        o.write(','.join(k[:3])+','+A[k][0]+','+','.join('%.6g'%x for x in np.concatenate([a,b])/np.sqrt(2))+'\n')
print(len(keys),'rows')
