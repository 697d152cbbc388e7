package io.unveil.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.unveil.core.serde.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a TFJS weights manifest ({@code X-weights_manifest.json}) and its {@code .bin}: tensors concatenated in
 * manifest order with no padding; uint8-quantized tensors dequantize as {@code q * scale + min}; others are
 * little-endian float32 or int32. The sizes must add up to the file length exactly.
 */
public final class WeightManifest {
    private WeightManifest() {
    }

    public static Map<String, WeightTensor> load(Path manifest) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(manifest.toFile());
        } catch (IOException e) {
            throw new ModelFetchException("corrupt weights manifest " + manifest + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isArray() || root.isEmpty())
            throw new ModelFetchException("weights manifest " + manifest + " is not a non-empty JSON array");
        Map<String, WeightTensor> out = new LinkedHashMap<>();
        for (JsonNode group : root) {
            JsonNode paths = group.get("paths");
            if (paths == null || paths.size() != 1)
                throw new ModelFetchException(manifest + ": expected exactly one path per group");
            Path bin = manifest.resolveSibling(paths.get(0).asText());
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(bin);
            } catch (IOException e) {
                throw new ModelFetchException("cannot read weights file " + bin + ": " + e.getMessage(), e);
            }
            ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            for (JsonNode w : group.get("weights")) {
                String name = w.get("name").asText();
                JsonNode shapeNode = w.get("shape");
                int[] shape = new int[shapeNode.size()];
                long count = 1;
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = shapeNode.get(i).asInt();
                    count *= shape[i];
                }
                String dtype = w.has("dtype") ? w.get("dtype").asText() : "float32";
                JsonNode q = w.get("quantization");
                long bytesNeeded = q != null ? count * quantizedWidth(q, bin) : count * 4;
                if (buf.remaining() < bytesNeeded)
                    throw new ModelFetchException("weights file " + bin + " is truncated at tensor " + name + ": needs "
                            + bytesNeeded + " bytes, " + buf.remaining() + " left");
                float[] data = new float[(int) count];
                if (q != null) {
                    float scale = (float) q.get("scale").asDouble();
                    float min = (float) q.get("min").asDouble();
                    String qd = q.get("dtype").asText();
                    for (int i = 0; i < count; i++) {
                        int v = qd.equals("uint8") ? (buf.get() & 0xff) : (buf.getShort() & 0xffff);
                        data[i] = v * scale + min;
                    }
                } else if (dtype.equals("int32")) {
                    for (int i = 0; i < count; i++) data[i] = buf.getInt();
                } else if (dtype.equals("float32")) {
                    for (int i = 0; i < count; i++) data[i] = buf.getFloat();
                } else {
                    throw new ModelFetchException(bin + ": unsupported dtype " + dtype + " for " + name);
                }
                out.put(name, new WeightTensor(name, shape, data));
            }
            if (buf.remaining() != 0)
                throw new ModelFetchException("weights file " + bin + " has " + buf.remaining()
                        + " bytes more than its manifest declares (corrupt or wrong version)");
        }
        return out;
    }

    private static int quantizedWidth(JsonNode q, Path bin) {
        String qd = q.get("dtype").asText();
        return switch (qd) {
            case "uint8" -> 1;
            case "uint16" -> 2;
            default -> throw new ModelFetchException(bin + ": unsupported quantization " + qd);
        };
    }
}
