"""GPU throughput of Unveil's two heavy networks, for a GPU worker sizing decision.

The product runs these networks through DJL on the PyTorch engine; its GPU path needs the CUDA libtorch that the
user provides (README). The lent GPU machine has PyTorch but no JVM, so this script rebuilds the SAME architectures
in PyTorch (the engine DJL drives) and measures throughput there: the ID-GAN generator I (inpaint/.../Generator.java:
5x5 conv, two stride-2 convs, dilated 3x3 middle 2/4/8/16, nearest-upsample + conv decoder with one skip, ELU, tanh)
at width 16 (the committed CPU model) and 64 (the GPU width), and the dlib ResNet-29 recognizer (FaceRecognitionNet,
150x150 -> 128-D). Weights do not change the arithmetic, so they are random. Prints one table; writes JSON to $OUT.
"""
import json, os, sys, time
import torch
import torch.nn as nn
import torch.nn.functional as F


class Generator(nn.Module):
    def __init__(self, w):
        super().__init__()
        c = lambda i, o, k, s=1, d=1: nn.Conv2d(i, o, k, s, padding=d * (k // 2), dilation=d)
        self.e1, self.e2, self.e3, self.e4 = c(4, w, 5), c(w, 2 * w, 3, 2), c(2 * w, 4 * w, 3, 2), c(4 * w, 4 * w, 3)
        self.d = nn.ModuleList([c(4 * w, 4 * w, 3, 1, d) for d in (2, 4, 8, 16)])
        self.u1, self.u2, self.u3, self.out = c(4 * w, 2 * w, 3), c(4 * w, 2 * w, 3), c(2 * w, w, 3), c(w, 3, 3)

    def forward(self, face, mask):
        x = torch.cat([face * (1 - mask) + mask, mask], 1)
        x = F.elu(self.e1(x)); s64 = F.elu(self.e2(x)); x = F.elu(self.e3(s64)); x = F.elu(self.e4(x))
        for d in self.d:
            x = F.elu(d(x))
        x = F.elu(self.u1(F.interpolate(x, scale_factor=2, mode="nearest")))
        x = F.elu(self.u2(torch.cat([x, s64], 1)))
        x = F.elu(self.u3(F.interpolate(x, scale_factor=2, mode="nearest")))
        raw = (torch.tanh(self.out(x)) + 1) * 0.5
        return raw * mask + face * (1 - mask)


class Res(nn.Module):
    def __init__(self, cin, cout, down):
        super().__init__()
        self.down = down
        self.c1 = nn.Conv2d(cin, cout, 3, 2 if down else 1, 0 if down else 1)
        self.c2 = nn.Conv2d(cout, cout, 3, 1, 1)
        self.cin, self.cout = cin, cout

    def forward(self, x):
        y = self.c2(F.relu(self.c1(x)))
        if self.down:
            s = F.avg_pool2d(x, 2, 2)
            if self.cout > self.cin:
                s = torch.cat([s, torch.zeros_like(s)], 1)
            if y.shape[-1] != s.shape[-1]:
                y = F.pad(y, (0, s.shape[-1] - y.shape[-1], 0, s.shape[-2] - y.shape[-2]))
        else:
            s = x
        return F.relu(y + s)


class Recognizer(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(3, 32, 7, 2)
        spec = [(32, 32, False)] * 3 + [(32, 64, True)] + [(64, 64, False)] * 3 + [(64, 128, True)] + \
               [(128, 128, False)] * 2 + [(128, 256, True)] + [(256, 256, False)] * 2 + [(256, 256, True)]
        self.blocks = nn.Sequential(*[Res(*s) for s in spec])
        self.fc = nn.Linear(256, 128, bias=False)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.stem(x)), 3, 2)
        return self.fc(self.blocks(x).mean((2, 3)))


def timed(fn, batch, iters):
    for _ in range(3):
        fn()
    torch.cuda.synchronize()
    t = time.perf_counter()
    for _ in range(iters):
        fn()
    torch.cuda.synchronize()
    dt = (time.perf_counter() - t) / iters
    return dt * 1000, batch / dt


def main():
    dev = torch.device("cuda")
    torch.backends.cudnn.benchmark = True
    rows = []
    with torch.inference_mode():
        for w in (16, 64):
            g = Generator(w).to(dev).eval()
            params = sum(p.numel() for p in g.parameters())
            for b in (1, 8, 32, 128):
                face = torch.rand(b, 3, 128, 128, device=dev)
                mask = torch.zeros(b, 1, 128, 128, device=dev); mask[:, :, 40:88, 40:88] = 1
                for prec in ("fp32", "bf16"):
                    ctx = torch.autocast("cuda", dtype=torch.bfloat16) if prec == "bf16" else torch.autocast("cuda", enabled=False)
                    with ctx:
                        ms, fps = timed(lambda: g(face, mask), b, 50)
                    rows.append(dict(net=f"generator w={w} ({params/1e6:.2f}M params)", batch=b, precision=prec, ms_per_batch=round(ms, 3), faces_per_s=round(fps, 1)))
        r = Recognizer().to(dev).eval()
        for b in (1, 16, 128):
            x = torch.rand(b, 3, 150, 150, device=dev)
            for prec in ("fp32", "bf16"):
                ctx = torch.autocast("cuda", dtype=torch.bfloat16) if prec == "bf16" else torch.autocast("cuda", enabled=False)
                with ctx:
                    ms, fps = timed(lambda: r(x), b, 50)
                rows.append(dict(net="recognizer ResNet-29 (150x150 -> 128)", batch=b, precision=prec, ms_per_batch=round(ms, 3), faces_per_s=round(fps, 1)))
    info = dict(device=torch.cuda.get_device_name(0), torch=torch.__version__, rows=rows)
    print(f"device: {info['device']}  torch {info['torch']}")
    print(f"{'network':48} {'batch':>5} {'prec':>5} {'ms/batch':>9} {'faces/s':>10}")
    for row in rows:
        print(f"{row['net']:48} {row['batch']:>5} {row['precision']:>5} {row['ms_per_batch']:>9} {row['faces_per_s']:>10}")
    out = os.environ.get("OUT")
    if out:
        with open(os.path.join(out, "gpu-bench.json"), "w") as f:
            json.dump(info, f, indent=1)


if __name__ == "__main__":
    sys.exit(main())
