# The enrollment outlier check simulated on descriptors, rule ../2026-12-06-outlier-centred.md.
# Usage: python3 outlier-centred.py desc-all.csv recognize/.../calibration/robust.json choose
#        python3 outlier-centred.py desc-all.csv recognize/.../calibration/robust.json report 0.50
import csv,numpy as np,hashlib,json,sys
DS='celeba-subset'
def bucket(key):
    h=hashlib.sha256(key.encode()).digest(); return int.from_bytes(h[:4],'big',signed=True)%100
D={}
for r in csv.reader(open(sys.argv[1])):
    if r[0]=='identity' or r[2]!='plain': continue
    v=np.array(r[4:],float); D.setdefault(r[0],{})[int(r[1])]=v
center=np.array(json.load(open(sys.argv[2]))['center'])
def unit(v): return v/np.linalg.norm(v)
def cos(a,b): return float(unit(a)@unit(b))
def check(vs,bound,centred):
    # RobustMean: ref = sum of unit descriptors; refine with those >= bound; then sim of each to ref
    xs=[unit(v)-center if centred else v for v in vs]
    ref=np.sum([unit(x) for x in xs],0)
    keep=[x for x in xs if cos(x,ref)>=bound]
    if keep: ref=np.sum([unit(x) for x in keep],0)
    return [cos(x,ref)<bound for x in xs]
def run(part,bound,centred):
    ids=sorted(i for i in D if (bucket(DS+'/'+i)<70)==(part=='TRAIN') and len(D[i])>=3)
    gd=gn=0; idr=idn=0; g2d=g2n=0
    for k,i in enumerate(ids):
        vs=[D[i][p] for p in sorted(D[i])[:3]]
        d=check(vs,bound,centred); gd+=sum(d); gn+=3
        j=ids[(k+1)%len(ids)]; intr=D[j][sorted(D[j])[0]]
        d=check(vs+[intr],bound,centred); idr+=d[3]; idn+=1; g2d+=sum(d[:3]); g2n+=3
    return gd/gn, idr/idn, g2d/g2n, len(ids)
if __name__=='__main__':  # only as a script: outlier-loo.py imports the rest
    if sys.argv[3]=='choose':
        for b in np.arange(0.0,0.95,0.05):
            g,i,g2,n=run('TRAIN',b,True); print('TRAIN centred B=%.2f genuine dropped %.3f intruders dropped %.3f genuine(with intruder) %.3f  n=%d'%(b,g,i,g2,n))
    else:
        b=float(sys.argv[4])
        for part in ['TRAIN','VAL']:
            print(part,'raw 0.75', run(part,0.75,False)); print(part,'centred %.2f'%b, run(part,b,True))
