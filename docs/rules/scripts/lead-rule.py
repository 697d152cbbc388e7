# A two-tier open-set rule (name the best identity a little below its threshold when it leads the second best
# clearly), simulated on robust-v3's descriptors; rule ../2026-12-06-lead-rule.md.
# Usage: python3 lead-rule.py desc-ra.csv robust.json choose      (the grid on VALIDATION-CHOOSE)
#        python3 lead-rule.py desc-ra.csv robust.json confirm D M (today against R(D, M) on VALIDATION-CONFIRM, intervals)
import csv, hashlib, json, sys, random, numpy as np
DS = 'celeba-subset'
def bucket(key):
    h = hashlib.sha256(key.encode()).digest(); return int.from_bytes(h[:4], 'big', signed=True) % 100
def half(i):
    if bucket(DS + '/' + i) < 70: return 'TRAIN'
    return 'CHOOSE' if bucket('choose-confirm-1/' + DS + '/' + i) < 50 else 'CONFIRM'
cal = json.load(open(sys.argv[2])); center = np.array(cal['center'])
T_PLAIN = cal['conditions']['plain']['threshold']; T_OCC = cal['conditions']['occluded']['threshold']
T_MATCH = cal['conditions']['occluded-matched']['threshold']
def cen(v):
    u = v / np.linalg.norm(v); u = u - center; return u / np.linalg.norm(u)
D = {}
for r in csv.reader(open(sys.argv[1])):
    if r[0] == 'identity': continue
    D.setdefault(r[0], {}).setdefault(int(r[1]), {})[r[2]] = np.array(r[4:], float)  # raw, as the gallery averages them
    D[r[0]][int(r[1])]['region'] = r[3]
NE = 3

def probes(i, enrolled):
    # (kind, centred descriptor): plain, and occluded where its occluder covers the lower face
    ks = sorted(D[i])[NE:] if enrolled else sorted(D[i])
    out = []
    for k in ks:
        out.append(('plain', D[i][k]['plain']))
        if D[i][k]['region'] == 'LOWER' and 'occluded' in D[i][k]: out.append(('masked', D[i][k]['occluded']))
    return out

def trial(ids, rng):
    ids = ids[:]; rng.shuffle(ids); n = len(ids) // 2
    enr, strg = ids[:n], ids[n:]
    # centroids as the gallery stores them (mean of descriptors), centred as the matcher compares them
    P = np.stack([cen(np.mean([D[i][k]['plain'] for k in sorted(D[i])[:NE]], 0)) for i in enr])
    L = np.stack([cen(np.mean([D[i][k]['lower'] for k in sorted(D[i])[:NE]], 0)) for i in enr])
    rows = []  # (identity, enrolled?, kind, truth index or -1, n1, n2, best index)
    for who, is_enr in [(enr, True), (strg, False)]:
        for i in who:
            for kind, v in probes(i, is_enr):
                v = cen(v)
                s = P @ v - T_PLAIN if kind == 'plain' else np.maximum(P @ v - T_OCC, L @ v - T_MATCH)
                o = np.argsort(-s); rows.append((i, is_enr, kind, enr.index(i) if is_enr else -1, s[o[0]], s[o[1]], o[0]))
    return rows

def tally(rows, delta, m):
    # per identity counts: masked right/total, plain right/total, enrolled wrong, strangers named/total
    c = {}
    for i, is_enr, kind, truth, n1, n2, best in rows:
        named = n1 >= 0 or (n1 >= -delta and n1 - n2 >= m)
        t = c.setdefault(i, np.zeros(8))
        if is_enr:
            j = 0 if kind == 'masked' else 2
            t[j + 1] += 1
            if named and best == truth: t[j] += 1
            if named and best != truth: t[4] += 1
            t[5] += 1
        else:
            t[7] += 1
            if named: t[6] += 1
    return c

def shares(c, ids=None):
    t = sum(c[i] for i in (ids if ids is not None else c))
    return t[0] / t[1], t[2] / t[3], t[4] / t[5], t[6] / t[7]

def run(part, trials=200):
    ids = sorted(i for i in D if half(i) == part and len(D[i]) >= 5)
    rng = random.Random(37); return ids, [trial(ids, rng) for _ in range(trials)]

def pooled(rowsets, delta, m):
    c = {}
    for rows in rowsets:
        for i, t in tally(rows, delta, m).items(): c[i] = c.get(i, np.zeros(8)) + t
    return c

if sys.argv[3] == 'choose':
    ids, rs = run('CHOOSE')
    base = shares(pooled(rs, 0, 9))
    print('CHOOSE %d identities, today: masked %.4f plain %.4f enrolled-wrong %.4f strangers-named %.4f' % ((len(ids),) + base))
    best = None
    for delta in [0.02, 0.04, 0.06, 0.08, 0.10, 0.12]:
        for m in [0.05, 0.10, 0.15, 0.20, 0.25, 0.30]:
            s = shares(pooled(rs, delta, m)); ok = s[3] <= base[3] and s[2] <= base[2]
            print('delta %.2f m %.2f: masked %.4f plain %.4f enrolled-wrong %.4f strangers-named %.4f %s' % ((delta, m) + s + ('ok' if ok else '',)))
            key = (s[0], m, -delta)
            if ok and s[0] > base[0] and (best is None or key > best[0]): best = (key, delta, m)
    print('chosen:', None if best is None else (best[1], best[2]))
else:
    delta, m = float(sys.argv[4]), float(sys.argv[5])
    ids, rs = run('CONFIRM')
    a, b = pooled(rs, 0, 9), pooled(rs, delta, m)
    sa, sb = shares(a), shares(b)
    rng = random.Random(1); boots = []
    for _ in range(1000):
        smp = [rng.choice(ids) for _ in ids]
        x, y = shares(a, smp), shares(b, smp); boots.append([y[k] - x[k] for k in range(4)])
    boots = np.array(boots)
    names = ['masked enrolled named', 'plain enrolled named', 'enrolled named as another', 'strangers named']
    print('CONFIRM %d identities, 200 trials' % len(ids))
    for k in range(4):
        lo, hi = np.percentile(boots[:, k], [2.5, 97.5])
        print('%s: today %.4f, R(%.2f, %.2f) %.4f, diff %+.4f [%+.4f, %+.4f]' % (names[k], sa[k], delta, m, sb[k], sb[k] - sa[k], lo, hi))
