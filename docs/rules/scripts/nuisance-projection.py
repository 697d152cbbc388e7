# Nuisance attribute projection of rule ../2026-12-06-nuisance-projection.md on a descriptor CSV of
# `unveil calibrate --split all --no-repaired --descriptors` (or fuse-descriptors.py's output).
# Usage: python3 nuisance-projection.py DESC.csv CHOOSE|CONFIRM 2,4,8,16,32
import csv,os,sys,random,numpy as np,hashlib
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
DS='celeba-subset'
def bucket(key):
    h=hashlib.sha256(key.encode()).digest(); return int.from_bytes(h[:4],'big',signed=True)%100
def part(i): return 'TRAIN' if bucket(DS+'/'+i)<70 else 'VAL'
def half(i): return None if part(i)=='TRAIN' else ('CHOOSE' if bucket('choose-confirm-1/'+DS+'/'+i)<50 else 'CONFIRM')
CSV=sys.argv[1]; HALF=sys.argv[2]; KS=[int(k) for k in sys.argv[3].split(',')]
D={}
for r in csv.reader(open(CSV)):
    if r[0]=='identity': continue
    v=np.array(r[4:],dtype=np.float64); v/=np.linalg.norm(v)
    D.setdefault(r[0],{}).setdefault(int(r[1]),{})[r[2]]=v
    D[r[0]][int(r[1])]['region']=r[3]
train=[i for i in D if part(i)=='TRAIN']
c=np.mean([D[i][k]['plain'] for i in train for k in D[i] if 'plain' in D[i][k]],0)
def cen(v): x=v/np.linalg.norm(v)-c; return x/np.linalg.norm(x)
N=[]
for i in train:
    for k in D[i]:
        p=D[i][k]
        for cond in ['occluded','lower','eyes']:
            if cond in p and 'plain' in p: N.append(cen(p[cond])-cen(p['plain']))
N=np.array(N); _,S,Vt=np.linalg.svd(N,full_matrices=False)
print(len(N),'nuisance vectors; top singular values', np.round(S[:8]/S[0],3))
NE=3
test=[i for i in D if half(i)==HALF and len(D[i])>NE]
def build(k):
    U=Vt[:k].T if k>0 else np.zeros((len(c),0))
    def f(v):
        x=cen(v); x=x-U@(U.T@x); return x/np.linalg.norm(x)
    out={}
    syn={'LOWER':'lower','EYES':'eyes'}
    for kind in ['plain','occ-plain','occ-matched']:
        gen=[];imp=[]
        for reg in (['LOWER','EYES'] if kind=='occ-matched' else [None]):
            gc='plain' if kind!='occ-matched' else syn[reg]; pc='plain' if kind=='plain' else 'occluded'
            G=np.stack([f(np.sum([D[i][kk][gc] for kk in range(NE)],0)) for i in test])
            for a,i in enumerate(test):
                for kk in D[i]:
                    if kk<NE: continue
                    if reg is not None and D[i][kk]['region']!=reg: continue
                    s=G@f(D[i][kk][pc]); gen.append((i,s[a])); imp.extend((i,x) for b,x in enumerate(s) if b!=a)
        out[kind]=(gen,imp)
    return out
def tar(g,im,far):
    im=np.sort(im)[::-1]; n=len(im); m=int(np.floor(far*n)); t=im[m]+1e-9 if m<n else -np.inf
    return float(np.mean(np.array(g)>=t))
R={k:build(k) for k in [0]+KS}
ids=test
def arr(res): return {kind:({i:[s for j,s in g if j==i] for i in ids},{i:[s for j,s in im if j==i] for i in ids}) for kind,(g,im) in res.items()}
A={k:arr(R[k]) for k in R}
def t(k,kind,sample,far):
    g,im=A[k][kind]; return tar([s for i in sample for s in g[i]],[s for i in sample for s in im[i]],far)
rng=random.Random(1); boots=[[rng.choice(ids) for _ in ids] for _ in range(1000)]
print(len(ids),'identities of',HALF)
for far in [1e-3,1e-2]:
    print('FAR',far)
    for kind in ['plain','occ-plain','occ-matched']:
        b0=t(0,kind,ids,far); row=f'  {kind:12s} base {b0:.3f}'
        for k in KS:
            v=t(k,kind,ids,far); d=sorted(t(k,kind,s,far)-t(0,kind,s,far) for s in boots)
            row+=f' | k{k} {v:.3f} {v-b0:+.3f} [{d[25]:+.3f},{d[974]:+.3f}]'
        print(row)
