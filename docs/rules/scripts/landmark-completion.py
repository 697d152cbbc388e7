# Issue 22, sixth stop (2026-12-06): a diagnostic, no choice made on it. Would "fall back to the visible points" bring
# the landmark error under masks towards the plain error? The points under a mask (jaw 2-14, lower nose 29-35, mouth
# 48-67) are predicted from the net's other points by a ridge regression (lambda 1e-2) fitted on TRAIN ground truth
# (the pretrained net on the unmasked photos), in a frame fixed by the eye centres; NME per condition and region.
# Inputs: a TRAIN truth cache of `unveil train landmarks` (truths-train-tiny.csv) and the points files its --evaluate
# mode writes beside evaluation-<half>.csv (points-0.csv = the pretrained net, points-K.csv = the K-th --evaluate file):
#   java -jar deploy/target/unveil.jar train landmarks --data ../shared/data/celeba-subset --out OUT \
#        --validation validation-choose --evaluate RUN/step-00100.bin,RUN/step-00500.bin
#   python3 landmark-completion.py RUN/truths-train-tiny.csv OUT/points-0.csv OUT/points-1.csv OUT/points-2.csv
import numpy as np, csv, sys
def load_truth(p):
    X=[]
    for r in csv.reader(open(p)):
        if len(r)<142: continue
        X.append(np.array([float(x) for x in r[6:]]).reshape(68,2))
    return np.array(X)
def load_points(p):
    rows=list(csv.reader(open(p)))
    cond=[r[0] for r in rows]; v=np.array([[float(x) for x in r[1:]] for r in rows])
    return cond, v[:,:136].reshape(-1,68,2), v[:,136:].reshape(-1,68,2)
def frame(L):
    le=L[:,36:42].mean(1); re=L[:,42:48].mean(1); c=(le+re)/2; d=re-le; s=np.linalg.norm(d,axis=1)
    cos=d[:,0]/s; sin=d[:,1]/s
    R=np.stack([np.stack([cos,sin],1),np.stack([-sin,cos],1)],1)
    return R,c,s
def to_frame(L,R,c,s): return np.einsum('nij,nkj->nki',R,L-c[:,None,:])/s[:,None,None]
def from_frame(P,R,c,s): return np.einsum('nji,nkj->nki',R,P*s[:,None,None])+c[:,None,:]
def nme(P,T):
    iod=np.linalg.norm(T[:,36:42].mean(1)-T[:,42:48].mean(1),axis=1)
    return (np.linalg.norm(P-T,axis=2).mean(1)/iod)
def region(P,T,a,b):
    iod=np.linalg.norm(T[:,36:42].mean(1)-T[:,42:48].mean(1),axis=1)
    return (np.linalg.norm(P[:,a:b+1]-T[:,a:b+1],axis=2).mean(1)/iod).mean()
tr=load_truth(sys.argv[1])
hidden=list(range(2,15))+list(range(29,36))+list(range(48,68))
vis=[i for i in range(68) if i not in hidden]
Ptr=to_frame(tr,*frame(tr))
A=np.hstack([Ptr[:,vis].reshape(len(Ptr),-1),np.ones((len(Ptr),1))]); B=Ptr[:,hidden].reshape(len(Ptr),-1)
W=np.linalg.solve(A.T@A+1e-2*np.eye(A.shape[1]),A.T@B)
for f in sys.argv[2:]:
    cond,P,T=load_points(f); cond=np.array(cond)
    print(f)
    out={}
    for c in ['plain','medical_mask','cloth_mask','sunglasses','hand']:
        m=cond==c; p=P[m]; t=T[m]
        R,cc,s=frame(p); F=to_frame(p,R,cc,s)
        Fc=F.copy(); Fc[:,hidden]=(np.hstack([F[:,vis].reshape(len(F),-1),np.ones((len(F),1))])@W).reshape(len(F),len(hidden),2)
        pc=from_frame(Fc,R,cc,s)
        regs=' '.join(f'{n} {region(p,t,a,b):.3f}' for n,(a,b) in [('jaw',(0,16)),('brows',(17,26)),('nose',(27,35)),('eyes',(36,47)),('mouth',(48,67))])
        out[c]=(nme(p,t).mean(), nme(pc,t).mean())
        print(f'  {c:13s} n={m.sum():3d} NME net {out[c][0]:.4f}  completed {out[c][1]:.4f}   net per region: {regs}')
    base=out['plain'][0]
    worst_net=max(out[c][0] for c in ['medical_mask','cloth_mask','sunglasses','hand'])
    worst_mix=max((out[c][1] if c in ('medical_mask','cloth_mask') else out[c][0]) for c in ['medical_mask','cloth_mask','sunglasses','hand'])
    print(f'  worst/plain: net {worst_net/base:.2f}; masks completed (occluder known), plain kept: {worst_mix/base:.2f}')
