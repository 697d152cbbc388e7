# The enrollment outlier check, leave-one-out and centred, simulated on descriptors; rule ../2026-12-06-outlier-loo.md.
# Usage: python3 outlier-loo.py desc-all.csv recognize/.../calibration/robust.json choose
#        python3 outlier-loo.py desc-all.csv recognize/.../calibration/robust.json report B
# The seventh stop's checks (raw 0.75, centred 0.50 against the set's own refined centroid) are outlier-centred.py's.
import importlib.util, os, sys, numpy as np
spec = importlib.util.spec_from_file_location('oc', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'outlier-centred.py'))
oc = importlib.util.module_from_spec(spec); spec.loader.exec_module(oc)  # its descriptors and helpers; no analysis
D, center, unit, cos, bucket, DS = oc.D, oc.center, oc.unit, oc.cos, oc.bucket, oc.DS

def loo(vs, bound):
    # each photo against the sum of the other photos' centred unit descriptors; a single photo is kept
    xs = [unit(unit(v) - center) for v in vs]
    if len(xs) < 2: return [False] * len(xs)
    total = np.sum(xs, 0)
    return [cos(x, total - x) < bound for x in xs]

def run(part, bound):
    ids = sorted(i for i in D if (bucket(DS + '/' + i) < 70) == (part == 'TRAIN') and len(D[i]) >= 3)
    gd = gn = idr = idn = g2d = g2n = 0
    for k, i in enumerate(ids):
        vs = [D[i][p] for p in sorted(D[i])[:3]]
        d = loo(vs, bound); gd += sum(d); gn += 3
        j = ids[(k + 1) % len(ids)]; intr = D[j][sorted(D[j])[0]]
        d = loo(vs + [intr], bound); idr += d[3]; idn += 1; g2d += sum(d[:3]); g2n += 3
    return gd / gn, idr / idn, g2d / g2n, len(ids)

if sys.argv[3] == 'choose':
    for b in np.arange(0.0, 0.95, 0.05):
        g, i, g2, n = run('TRAIN', b)
        print('TRAIN loo B=%.2f genuine dropped %.3f intruders dropped %.3f genuine(with intruder) %.3f  n=%d' % (b, g, i, g2, n))
else:
    b = float(sys.argv[4])
    for part in ['TRAIN', 'VAL']:
        print(part, 'raw 0.75 (today)', oc.run(part, 0.75, False))
        print(part, 'centred 0.50 (seventh stop)', oc.run(part, 0.50, True))
        print(part, 'loo centred %.2f' % b, run(part, b))
