# The probe with the gallery's synthetic occluder drawn over its own (H), rule ../2026-12-06-harmonized-probe.md.
# Input as score-normalisation.py (env DESC). Usage: python3 harmonized-probe.py CHOOSE
import importlib, random, numpy as np
# the descriptors, the split, the centroid and TAR helpers of score-normalisation.py (its analysis runs only as a script)
globals().update({k: v for k, v in vars(importlib.import_module('score-normalisation')).items() if not k.startswith('__')})
def scores(pc, gc_for_region, centre=c_plain):
    gen={i:[] for i in test}; imp={i:[] for i in test}
    for reg in ['LOWER','EYES']:
        G=np.stack([cen(centroid(i,gc_for_region[reg]),centre) for i in test])
        for a,i in enumerate(test):
            for k in D[i]:
                if k<NE or D[i][k]['region']!=reg: continue
                s=G@cen(D[i][k][pc],centre)
                gen[i].append(s[a]); imp[i].extend(x for b,x in enumerate(s) if b!=a)
    return gen,imp
M={'raw':scores('occluded',syn),'H':scores('harmonized',syn)}
def t(m,sample,far):
    g,im=M[m]; return tar([s for i in sample for s in g[i]],[s for i in sample for s in im[i]],far)
rng=random.Random(1); boots=[[rng.choice(test) for _ in test] for _ in range(1000)]
for far in [1e-3,1e-2]:
    a=t('raw',test,far); b=t('H',test,far); d=sorted(t('H',s,far)-t('raw',s,far) for s in boots)
    print(f'FAR {far}: occluded probe vs matched centroids raw {a:.3f} H {b:.3f} diff {b-a:+.3f} [{d[25]:+.3f},{d[974]:+.3f}]')
