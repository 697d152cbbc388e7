# The same person enrolled twice against two different people (SimilarIdentities, eighth stop): 3-photo centroids
# (photos 1-3 against 4-6 of an identity) in the recognizer's centred space, share flagged at thresholds around the
# plain one (robust.json: 0.627). Usage: python3 similar-identities.py desc-all.csv robust.json
# (desc-all.csv: `unveil calibrate --model robust --data ../shared/data/celeba-subset --split all --no-repaired --descriptors FILE`)
import csv, hashlib, json, sys, numpy as np
DS = 'celeba-subset'
def bucket(key):
    h = hashlib.sha256(key.encode()).digest(); return int.from_bytes(h[:4], 'big', signed=True) % 100
D = {}
for r in csv.reader(open(sys.argv[1])):
    if r[0] == 'identity' or r[2] != 'plain': continue
    D.setdefault(r[0], {})[int(r[1])] = np.array(r[4:], float)
center = np.array(json.load(open(sys.argv[2]))['center'])
def unit(v): return v / np.linalg.norm(v)
def cen(vs): return unit(np.mean([unit(v) for v in vs], 0) - center)  # the centroid as the matcher centres it
for part in ['TRAIN', 'VAL']:
    ids = sorted(i for i in D if (bucket(DS + '/' + i) < 70) == (part == 'TRAIN') and len(D[i]) >= 6)
    A = {i: cen([D[i][p] for p in sorted(D[i])[:3]]) for i in ids}
    B = {i: cen([D[i][p] for p in sorted(D[i])[3:6]]) for i in ids}
    same = np.array([A[i] @ B[i] for i in ids]); diff = np.array([A[i] @ B[j] for i in ids for j in ids if i != j])
    for t in [0.60, 0.627, 0.65, 0.70, 0.75]:
        print(part, len(ids), 't=%.3f same person twice flagged %.3f, different pair flagged %.5f' % (t, (same >= t).mean(), (diff >= t).mean()))
