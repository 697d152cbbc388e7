package io.unveil.deploy.fuzz;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.serde.FrameSerde;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Hostile records for {@code unveil.frames}: random bytes, empty and null values, truncated and corrupted JPEG/PNG,
 * images declaring huge dimensions (decompression bombs), missing or malformed headers, null keys, interleaved with
 * good frames. Deterministic for a seed.
 */
class FrameFuzzer {
    /** What a record is, and what the pipeline must do with it. */
    enum Kind {
        GOOD(Expect.FACE),
        RANDOM_BYTES(Expect.DLQ),
        EMPTY_VALUE(Expect.DLQ),
        NULL_VALUE(Expect.DLQ),
        JPEG_SOI_THEN_GARBAGE(Expect.DLQ),
        TRUNCATED_JPEG(Expect.EITHER),
        CORRUPT_JPEG(Expect.EITHER),
        TRUNCATED_PNG(Expect.EITHER),
        CORRUPT_PNG(Expect.EITHER),
        HUGE_JPEG_DIMENSIONS(Expect.DLQ),
        HUGE_PNG_DIMENSIONS(Expect.DLQ),
        GIANT_RANDOM_VALUE(Expect.DLQ),
        MISSING_HEADERS(Expect.DLQ),
        NON_NUMERIC_SEQUENCE(Expect.DLQ),
        BLANK_CAMERA(Expect.DLQ),
        NULL_HEADER_VALUE(Expect.DLQ),
        WRONG_HEADER_NAMES(Expect.DLQ),
        NULL_KEY(Expect.FACE),
        TINY_VALID_IMAGE(Expect.NO_FACE);

        final Expect expect;

        Kind(Expect expect) {
            this.expect = expect;
        }
    }

    /** DLQ: must be dead-lettered; FACE: must yield a face; NO_FACE: processed, nothing out; EITHER: DLQ or processed. */
    enum Expect { DLQ, FACE, NO_FACE, EITHER }

    record Fuzzed(int index, Kind kind, String key, Headers headers, byte[] value, long sequence) {
    }

    private final Random rnd;
    private final byte[] goodJpeg;
    private final byte[] goodPng;

    FrameFuzzer(long seed) {
        rnd = new Random(seed);
        RgbImage img = FaceFrames.frame(112, 84, new int[]{30, 16, 52});
        goodJpeg = Images.encodeJpeg(img, 90);
        goodPng = Images.encodePng(img);
    }

    byte[] goodJpeg() {
        return goodJpeg.clone();
    }

    /** Record {@code index}: every {@code goodEvery}-th one is good, the others cycle through the hostile kinds. */
    Fuzzed next(int index, int goodEvery) {
        Kind kind;
        if (index % goodEvery == 0) kind = Kind.GOOD;
        else if (index % 97 == 1) kind = Kind.GIANT_RANDOM_VALUE; // ~1%: each is 300-500 KB
        else {
            do kind = Kind.values()[1 + rnd.nextInt(Kind.values().length - 1)];
            while (kind == Kind.GIANT_RANDOM_VALUE);
        }
        long seq = index;
        String key = "cam-" + (index % 3);
        Headers h = headers(key, seq, 1_700_000_000_000L + index * 100L);
        byte[] v;
        switch (kind) {
            case GOOD, NULL_KEY -> v = goodJpeg();
            case RANDOM_BYTES -> v = random(1 + rnd.nextInt(8 * 1024));
            case EMPTY_VALUE -> v = new byte[0];
            case NULL_VALUE -> v = null;
            case JPEG_SOI_THEN_GARBAGE -> {
                v = random(2 + rnd.nextInt(4096));
                v[0] = (byte) 0xFF;
                v[1] = (byte) 0xD8;
            }
            case TRUNCATED_JPEG -> v = Arrays.copyOf(goodJpeg, 1 + rnd.nextInt(goodJpeg.length - 1));
            case CORRUPT_JPEG -> v = corrupt(goodJpeg);
            case TRUNCATED_PNG -> v = Arrays.copyOf(goodPng, 1 + rnd.nextInt(goodPng.length - 1));
            case CORRUPT_PNG -> v = corrupt(goodPng);
            case HUGE_JPEG_DIMENSIONS -> v = hugeJpeg(goodJpeg, 60000 + rnd.nextInt(5000), 60000 + rnd.nextInt(5000));
            case HUGE_PNG_DIMENSIONS -> v = hugePng(goodPng, 100_000 + rnd.nextInt(1_000_000), 100_000 + rnd.nextInt(1_000_000));
            case GIANT_RANDOM_VALUE -> v = random(300 * 1024 + rnd.nextInt(200 * 1024));
            case MISSING_HEADERS -> {
                v = goodJpeg();
                h = new RecordHeaders();
            }
            case NON_NUMERIC_SEQUENCE -> {
                v = goodJpeg();
                h.remove(FrameSerde.H_SEQUENCE).add(FrameSerde.H_SEQUENCE, new byte[]{(byte) 0xC3, 0x28, 'x'});
            }
            case BLANK_CAMERA -> {
                v = goodJpeg();
                h.remove(FrameSerde.H_CAMERA).add(FrameSerde.H_CAMERA, "  ".getBytes(StandardCharsets.UTF_8));
            }
            case NULL_HEADER_VALUE -> {
                v = goodJpeg();
                h.remove(FrameSerde.H_CAPTURE_MS).add(FrameSerde.H_CAPTURE_MS, null);
            }
            case WRONG_HEADER_NAMES -> {
                v = goodJpeg();
                h = new RecordHeaders().add("camera", key.getBytes(StandardCharsets.UTF_8)).add("seq", "1".getBytes(StandardCharsets.UTF_8));
            }
            case TINY_VALID_IMAGE -> v = Images.encodeJpeg(new RgbImage(1, 1, new byte[]{1, 2, 3}), 90);
            default -> throw new IllegalStateException(kind.name());
        }
        if (kind == Kind.NULL_KEY) key = null;
        return new Fuzzed(index, kind, key, h, v, seq);
    }

    static Headers headers(String camera, long seq, long captureMs) {
        return new RecordHeaders()
                .add(FrameSerde.H_CAMERA, camera.getBytes(StandardCharsets.UTF_8))
                .add(FrameSerde.H_SEQUENCE, Long.toString(seq).getBytes(StandardCharsets.US_ASCII))
                .add(FrameSerde.H_CAPTURE_MS, Long.toString(captureMs).getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] random(int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    private byte[] corrupt(byte[] src) {
        byte[] b = src.clone();
        int flips = 1 + rnd.nextInt(24);
        for (int i = 0; i < flips; i++) b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
        return b;
    }

    /** The JPEG with its SOF frame header rewritten to declare {@code w x h} pixels. */
    static byte[] hugeJpeg(byte[] jpeg, int w, int h) {
        byte[] b = jpeg.clone();
        for (int i = 2; i + 9 < b.length; ) {
            if ((b[i] & 0xFF) != 0xFF) throw new IllegalStateException("not a marker at " + i);
            int marker = b[i + 1] & 0xFF;
            int len = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                b[i + 5] = (byte) (h >> 8);
                b[i + 6] = (byte) h;
                b[i + 7] = (byte) (w >> 8);
                b[i + 8] = (byte) w;
                return b;
            }
            i += 2 + len;
        }
        throw new IllegalStateException("no SOF marker");
    }

    /** The PNG with its IHDR rewritten to declare {@code w x h} pixels, CRC fixed so only the size is hostile. */
    static byte[] hugePng(byte[] png, int w, int h) {
        byte[] b = png.clone();
        ByteBuffer bb = ByteBuffer.wrap(b);
        // signature (8) + length (4) + "IHDR" (4) + width (4) + height (4) ... + CRC over type+data (17 bytes)
        bb.putInt(16, w);
        bb.putInt(20, h);
        CRC32 crc = new CRC32();
        crc.update(b, 12, 17);
        bb.putInt(29, (int) crc.getValue());
        return b;
    }
}
