# Two recognizers at the same false-accept rate, rule ../2026-12-06-robust-contrast-heldout.md (part 1).
# Inputs: the CSVs of `unveil calibrate --split all --no-repaired --descriptors FILE` for each recognizer (same photos,
# same occluders: seed 1). Protocol of the fifth stop's analyses (score-normalisation.py, base method): identities of
# the given VALIDATION half with >= 4 photos, the first 3 -> centroids, the rest probes; each recognizer centred on the
# mean of its own TRAIN plain descriptors; TAR at FAR 1e-3 and 1e-2 per comparison; paired bootstrap over identities.
# Usage: python3 recognizer-comparison.py A.csv B.csv [CHOOSE|CONFIRM]
import csv, os, sys, random, numpy as np
A_CSV, B_CSV = sys.argv[1], sys.argv[2]
HALF = sys.argv[3] if len(sys.argv) > 3 else 'CHOOSE'
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
import importlib.util
def load(path):
    # score-normalisation.py reads the CSV named by DESC at import: one module instance per recognizer
    os.environ['DESC'] = path
    spec = importlib.util.spec_from_file_location('sn_' + str(abs(hash(path))), os.path.join(here, 'score-normalisation.py'))
    m = importlib.util.module_from_spec(spec)
    saved = sys.argv
    sys.argv = [saved[0], HALF]
    spec.loader.exec_module(m)
    sys.argv = saved
    return m
a, b = load(A_CSV), load(B_CSV)
ids = [i for i in a.test if i in set(b.test)]
RA, RB = a.build('base'), b.build('base')
def arrays(res):
    return {k: ({i: [s for j, s in g if j == i] for i in ids}, {i: [s for j, s in im if j == i] for i in ids}) for k, (g, im) in res.items()}
AA, AB = arrays(RA), arrays(RB)
def tar_ids(A, kind, sample, far):
    g, im = A[kind]
    return a.tar([s for i in sample for s in g[i]], [s for i in sample for s in im[i]], far)
rng = random.Random(1)
boots = [[rng.choice(ids) for _ in ids] for _ in range(1000)]
print(f'{len(ids)} identities of the {HALF} half')
for far in [1e-3, 1e-2]:
    print(f'FAR {far}')
    for kind in ['plain', 'occ-plain', 'occ-matched']:
        va, vb = tar_ids(AA, kind, ids, far), tar_ids(AB, kind, ids, far)
        d = sorted(tar_ids(AB, kind, s, far) - tar_ids(AA, kind, s, far) for s in boots)
        n_gen = sum(len(v) for v in AA[kind][0].values()); n_imp = sum(len(v) for v in AA[kind][1].values())
        print(f'  {kind:12s} A {va:.3f}  B {vb:.3f}  B-A {vb - va:+.3f} [{d[25]:+.3f}, {d[974]:+.3f}]  ({n_gen} genuine, {n_imp} impostor)')
