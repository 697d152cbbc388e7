package io.unveil.core.record;

/** Axis-aligned box in pixels of the frame it was found in. */
public record Box(float x, float y, float width, float height) {
    public float area() {
        return Math.max(0f, width) * Math.max(0f, height);
    }

    public float iou(Box o) {
        float ix = Math.max(0f, Math.min(x + width, o.x + o.width) - Math.max(x, o.x));
        float iy = Math.max(0f, Math.min(y + height, o.y + o.height) - Math.max(y, o.y));
        float inter = ix * iy;
        float union = area() + o.area() - inter;
        return union <= 0f ? 0f : inter / union;
    }
}
