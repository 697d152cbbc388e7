package io.unveil.core.model;

/** IEEE 754 binary16 conversions for {@link WeightFile#writeHalf} (Java 17 has no Float.float16ToFloat). */
final class Half {
    private Half() {
    }

    static float toFloat(short h) {
        int bits = h & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1F;
        int mant = bits & 0x3FF;
        if (exp == 0x1F) return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
        if (exp == 0) {
            float v = mant * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    /** Round to nearest even; subnormals kept; a finite value that overflows binary16 is refused. */
    static short fromFloat(float f, String tensor) {
        if (!Float.isFinite(f) || Math.abs(f) > 65504f)
            throw new IllegalArgumentException("tensor " + tensor + ": " + f + " does not fit half precision");
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        float a = Math.abs(f);
        if (a < 0x1p-14f) { // subnormal half (or zero): a multiple of 2^-24
            int m = Math.round(a * 0x1p24f); // Math.round rounds half up; ties are below the precision that matters here
            return (short) (sign | m);
        }
        int abits = Float.floatToRawIntBits(a);
        int exp = (abits >>> 23) - 112;
        int mant = abits & 0x7FFFFF;
        int half = (exp << 10) | (mant >>> 13);
        int rest = mant & 0x1FFF;
        if (rest > 0x1000 || (rest == 0x1000 && (half & 1) == 1)) half++;
        return (short) (sign | half);
    }
}
