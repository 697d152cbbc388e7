# The centres of recognize.model=fused (recognize/src/main/resources/io/unveil/recognize/fused/centres.csv): each
# network's mean unit descriptor over the plain photos of celeba-subset's TRAIN identities.
# Inputs: the CSVs of `unveil calibrate --model robust|mobilefacenet --data ../shared/data/celeba-subset --split all
# --no-repaired --force --descriptors FILE` (same photos, 10 per identity at most).
# Usage: python3 fused-centres.py ROBUST.csv MOBILEFACENET.csv > centres.csv
import csv, hashlib, sys, numpy as np
DS = 'celeba-subset'
def bucket(key):
    h = hashlib.sha256(key.encode()).digest(); return int.from_bytes(h[:4], 'big', signed=True) % 100
def train_mean(path):
    vs, ids = [], set()
    for r in csv.reader(open(path)):
        if r[0] == 'identity' or r[2] != 'plain' or bucket(DS + '/' + r[0]) >= 70: continue  # TRAIN: bucket < 70
        v = np.array(r[4:], dtype=np.float64); vs.append(v / np.linalg.norm(v)); ids.add(r[0])
    return np.mean(vs, 0), len(vs), len(ids)
a, n, k = train_mean(sys.argv[1]); b, _, _ = train_mean(sys.argv[2])
print(f'# mean unit descriptor of the plain photos of the TRAIN identities of celeba-subset ({n} photos of {k} identities),')
print('# from `unveil calibrate --split all --no-repaired --descriptors` per network; fused/MODEL_CARD.md')
print('robust,' + ','.join('%.7g' % x for x in a))
print('mobilefacenet,' + ','.join('%.7g' % x for x in b))
