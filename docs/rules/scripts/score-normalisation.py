# Condition centring (C) and cohort T-norm (T) of robust-v3's scores, rule ../2026-12-06-score-normalisation.md.
# Input: the CSV of `unveil calibrate --split all --no-repaired --descriptors desc-all.csv` (env DESC). Usage: python3 score-normalisation.py CHOOSE
import csv, hashlib, os, sys, numpy as np, random
DS='celeba-subset'
def bucket(key):
    h=hashlib.sha256(key.encode()).digest(); v=int.from_bytes(h[:4],'big',signed=True); return v%100
def part(i): return 'TRAIN' if bucket(DS+'/'+i)<70 else 'VAL'
def half(i): return None if part(i)=='TRAIN' else ('CHOOSE' if bucket('choose-confirm-1/'+DS+'/'+i)<50 else 'CONFIRM')
HALF=sys.argv[1] if len(sys.argv)>1 else 'CHOOSE'
NE=3
D={}
for r in csv.reader(open(os.environ.get('DESC', 'desc-all.csv'))):
    if r[0]=='identity': continue
    v=np.array(r[4:],dtype=np.float32); v/=np.linalg.norm(v)
    D.setdefault(r[0],{}).setdefault(int(r[1]),{})[r[2]]=v
    D[r[0]][int(r[1])]['region']=r[3]
train=[i for i in D if part(i)=='TRAIN']; test=[i for i in D if half(i)==HALF and len(D[i])>NE]
print(len(train),'train',len(test),HALF)
def nz(x): return x/np.linalg.norm(x,axis=-1,keepdims=True)
allp=lambda ids,c,reg=None:[D[i][k][c] for i in ids for k in D[i] if reg is None or D[i][k]['region']==reg]
c_plain=np.mean(allp(train,'plain'),0)  # as the runtime's center: the mean of unit descriptors, not re-normalised
c_occ={r:np.mean(allp(train,'occluded',r),0) for r in ['LOWER','EYES']}
c_syn={'LOWER':np.mean(allp(train,'lower'),0),'EYES':np.mean(allp(train,'eyes'),0)}
syn={'LOWER':'lower','EYES':'eyes'}
def cen(v,c): return nz(nz(v)-c)
def centroid(i,cond): return np.sum([D[i][k][cond] for k in range(NE)],0)
def build(method):
    C='C' in method; T='T' in method
    out={}
    for kind in ['plain','occ-plain','occ-matched']:
        gen=[];imp=[]  # lists of (probe identity, score)
        for reg in (['LOWER','EYES'] if kind=='occ-matched' else [None]):
            if kind=='plain': gc='plain'; pc='plain'; gcen=c_plain; pcen=lambda r:c_plain
            elif kind=='occ-plain': gc='plain'; pc='occluded'; gcen=c_plain; pcen=lambda r:(c_occ[r] if C else c_plain)
            else: gc=syn[reg]; pc='occluded'; gcen=(c_syn[reg] if C else c_plain); pcen=lambda r:(c_occ[r] if C else c_plain)
            G=np.stack([cen(centroid(i,gc),gcen) for i in test])
            if T: Co=np.stack([cen(centroid(i,gc),gcen) for i in train if len(D[i])>=NE])
            for a,i in enumerate(test):
                for k in D[i]:
                    if k<NE: continue
                    r=D[i][k]['region']
                    if reg is not None and r!=reg: continue
                    p=cen(D[i][k][pc],pcen(r))
                    s=G@p
                    if T:
                        cs=Co@p; s=(s-cs.mean())/cs.std()
                    gen.append((i,s[a])); imp.extend((i,x) for b,x in enumerate(s) if b!=a)
        out[kind]=(gen,imp)
    return out
def tar(gen,imp,far):
    imp=np.sort(imp)[::-1]; n=len(imp); m=int(np.floor(far*n))  # at most m impostors >= t
    t=imp[m]+1e-9 if m<n else -np.inf
    return float(np.mean(np.array(gen)>=t))
if __name__ == '__main__':
    methods=['base','C','T','CT']
    R={m:build(m) for m in methods}
    ids=test
    def arrays(res):
        return {kind:({i:[s for j,s in g if j==i] for i in ids},{i:[s for j,s in im if j==i] for i in ids}) for kind,(g,im) in res.items()}
    A={m:arrays(R[m]) for m in methods}
    def tar_ids(m,kind,sample,far):
        g,im=A[m][kind]
        return tar([s for i in sample for s in g[i]],[s for i in sample for s in im[i]],far)
    rng=random.Random(1)
    boots=[[rng.choice(ids) for _ in ids] for _ in range(1000)]
    for far in [1e-3,1e-2]:
        print(f'FAR {far}')
        for kind in ['plain','occ-plain','occ-matched']:
            b0=tar_ids('base',kind,ids,far)
            row=f'  {kind:12s} base {b0:.3f} (gen {sum(len(v) for v in A["base"][kind][0].values())}, imp {sum(len(v) for v in A["base"][kind][1].values())})'
            for m in methods[1:]:
                v=tar_ids(m,kind,ids,far)
                d=sorted(tar_ids(m,kind,s,far)-tar_ids('base',kind,s,far) for s in boots)
                row+=f' | {m} {v:.3f} {v-b0:+.3f} [{d[25]:+.3f},{d[974]:+.3f}]'
            print(row)
