# Mean of robust-v3's and face-api's scores (F), rule ../2026-12-06-score-fusion.md.
# Input: the descriptors of robust (env DESC, default desc-all.csv) and of `calibrate --model faceapi` (env DESC_FA, default desc-fa.csv).
# Score fusion F = (s_robust + s_faceapi) / 2 against robust alone (rule docs/rules/2026-12-06-score-fusion.md)
import csv, hashlib, os, random, sys, numpy as np
DS='celeba-subset'
def bucket(key):
    h=hashlib.sha256(key.encode()).digest(); return int.from_bytes(h[:4],'big',signed=True)%100
def part(i): return 'TRAIN' if bucket(DS+'/'+i)<70 else 'VAL'
def half(i): return None if part(i)=='TRAIN' else ('CHOOSE' if bucket('choose-confirm-1/'+DS+'/'+i)<50 else 'CONFIRM')
HALF=sys.argv[1] if len(sys.argv)>1 else 'CHOOSE'
NE=3
def load(f):
    D={}
    for r in csv.reader(open(f)):
        if r[0]=='identity': continue
        v=np.array(r[4:],dtype=np.float64); v/=np.linalg.norm(v)
        D.setdefault(r[0],{}).setdefault(int(r[1]),{})[r[2]]=v
        D[r[0]][int(r[1])]['region']=r[3]
    return D
R=load(os.environ.get('DESC', 'desc-all.csv')); A=load(os.environ.get('DESC_FA', 'desc-fa.csv'))
test=[i for i in R if half(i)==HALF and len(R[i])>NE and i in A and len(A[i])==len(R[i])]
train=[i for i in R if part(i)=='TRAIN']
def nz(x): return x/np.linalg.norm(x)
def center(D): return np.mean([D[i][k]['plain'] for i in train if i in D for k in D[i]],0)
syn={'LOWER':'lower','EYES':'eyes'}
def scores(D, kind):
    c=center(D); cen=lambda v: nz(nz(v)-c)
    gen={i:[] for i in test}; imp={i:[] for i in test}
    for reg in ([None] if kind=='plain' else ['LOWER','EYES']):
        gc='plain' if kind!='occ-matched' else syn[reg]; pc='plain' if kind=='plain' else 'occluded'
        G=np.stack([cen(np.sum([D[i][k][gc] for k in range(NE)],0)) for i in test])
        for a,i in enumerate(test):
            for k in sorted(D[i]):
                if k<NE or (reg is not None and D[i][k]['region']!=reg): continue
                s=G@cen(D[i][k][pc]); gen[i].append(s[a]); imp[i].extend(np.delete(s,a))
    return gen,imp
def tar(g,im,far):
    im=np.sort(np.array(im))[::-1]; m=int(np.floor(far*len(im))); t=im[m]+1e-12
    return float(np.mean(np.array(g)>=t))
print(len(test),HALF,'identities')
rng=random.Random(1); boots=[[rng.choice(test) for _ in test] for _ in range(1000)]
for kind in ['plain','occ-plain','occ-matched']:
    r=scores(R,kind); a=scores(A,kind)
    f=({i:list((np.array(r[0][i])+np.array(a[0][i]))/2) for i in test},{i:list((np.array(r[1][i])+np.array(a[1][i]))/2) for i in test})
    M={'robust':r,'faceapi':a,'F':f}
    t=lambda m,s,far: tar([x for i in s for x in M[m][0][i]],[x for i in s for x in M[m][1][i]],far)
    for far in [1e-3,1e-2]:
        d=sorted(t('F',s,far)-t('robust',s,far) for s in boots)
        print(f'{kind:12s} FAR {far}: robust {t("robust",test,far):.3f} faceapi {t("faceapi",test,far):.3f} F {t("F",test,far):.3f} F-robust {t("F",test,far)-t("robust",test,far):+.3f} [{d[25]:+.3f},{d[974]:+.3f}]')
