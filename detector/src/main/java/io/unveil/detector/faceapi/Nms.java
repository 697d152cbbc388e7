package io.unveil.detector.faceapi;

import io.unveil.core.record.Box;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** face-api's greedy non-maximum suppression: best score first, drop every box whose IoU with it exceeds the threshold. */
public final class Nms {
    private Nms() {
    }

    /** Indices kept, best score first. */
    public static List<Integer> select(List<Box> boxes, List<Float> scores, float iouThreshold) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) order.add(i);
        // stable sort ascending then pop from the end, as face-api does
        order.sort(Comparator.comparingDouble(scores::get));
        List<Integer> pick = new ArrayList<>();
        while (!order.isEmpty()) {
            int curr = order.remove(order.size() - 1);
            pick.add(curr);
            Box cb = boxes.get(curr);
            order.removeIf(idx -> cb.iou(boxes.get(idx)) > iouThreshold);
        }
        return pick;
    }
}
