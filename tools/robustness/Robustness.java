import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.ingest.VideoFileWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Issue 25's checks from outside a running {@code unveil run} (embedded broker), re-runnable: tools/robustness/run.sh
 * starts the service and calls each. Run with the service's classpath:
 * {@code java -cp "deploy/target/unveil.jar:deploy/target/lib/*" tools/robustness/Robustness.java CHECK --url U --key K ...}
 * <ul>
 * <li>{@code video OUT.mp4 PHOTO...}: a 640x480 clip of the photos (a looping camera for the run)</li>
 * <li>{@code poison}: three bad records into unveil.gallery (with the broker credential); then the service must stay
 * healthy, enroll, keep recognising, and unveil.dlq must hold the three with their reasons</li>
 * <li>{@code races}: 100 rename/delete races and 50 concurrent add-images over HTTP; lost and resurrected counted in
 * the API and in the topic read from the beginning</li>
 * <li>{@code bombs}: the 16.5 MB MJPEG of 40 8192x8192 frames, and 6 concurrent requests of 20 blank 4096x4096 PNGs</li>
 * <li>{@code slow}: slowloris sockets on the gallery and metrics ports and SSE clients that never read, while /health,
 * the identity list and a new SSE client are timed</li>
 * </ul>
 * Every result is one line {@code RESULT name value}.
 */
public class Robustness {
    static String url, key, metrics;
    static Path dataDir;
    static List<Path> faces = new ArrayList<>();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] a) throws Exception {
        String check = a[0];
        for (int i = 1; i < a.length; i++) {
            switch (a[i]) {
                case "--url" -> url = a[++i];
                case "--key" -> key = a[++i];
                case "--metrics" -> metrics = a[++i];
                case "--data-dir" -> dataDir = Path.of(a[++i]);
                case "--face" -> faces.add(Path.of(a[++i]));
                default -> {
                    if (!check.equals("video")) throw new IllegalArgumentException("unknown option " + a[i]);
                }
            }
        }
        switch (check) {
            case "video" -> video(Path.of(a[1]), List.of(a).subList(2, a.length).stream().map(Path::of).toList());
            case "poison" -> poison();
            case "races" -> races();
            case "bombs" -> bombs();
            case "slow" -> slow();
            default -> throw new IllegalArgumentException("checks: video, poison, races, bombs, slow");
        }
        System.exit(0);
    }

    static void result(String name, Object value) {
        System.out.println("RESULT " + name + " " + value);
    }

    // ---- HTTP ----
    record Res(int status, String body, long millis) {
    }

    static Res send(HttpRequest.Builder b) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<String> r = HTTP.send(b.timeout(Duration.ofMinutes(3)).build(), HttpResponse.BodyHandlers.ofString());
        return new Res(r.statusCode(), r.body(), (System.nanoTime() - t0) / 1_000_000);
    }

    static HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(URI.create(url + "/api/v1" + path)).header("X-Api-Key", key);
    }

    static Res multipart(String path, String name, List<String> fileNames, List<byte[]> files, String field) throws Exception {
        String boundary = "robustness" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (name != null) out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n" + name + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < files.size(); i++) {
            String fn = fileNames.get(i);
            String type = fn.endsWith(".png") ? "image/png" : fn.endsWith(".mjpeg") ? "video/x-motion-jpeg" : "image/jpeg";
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fn + "\"\r\nContent-Type: "
                    + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(files.get(i));
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(api(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    /** A CelebA photo at 3x (its face is ~30 px; enrollment needs 40 px or more), as JPEG. */
    static byte[] faceBytes(Path face) {
        RgbImage img = Images.read(face);
        return Images.encodeJpeg(Images.resize(img, img.width() * 3, img.height() * 3), 92);
    }

    static String enroll(String name, Path face) throws Exception {
        Res r = multipart("/identities", name, List.of(face.getFileName().toString()), List.of(faceBytes(face)), "images");
        if (r.status != 201) throw new IllegalStateException("enroll " + name + ": " + r.status + " " + r.body);
        return field(r.body, "id");
    }

    /** Enrolls with the first of the photos that passes the quality gate. */
    static String enrollAny(String name) throws Exception {
        IllegalStateException last = null;
        for (Path f : faces) {
            try {
                return enroll(name, f);
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        if (!m.find()) throw new IllegalStateException("no " + name + " in " + json);
        return m.group(1);
    }

    static List<String> ids() throws Exception {
        Res r = send(api("/identities"));
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"id\":\"([^\"]*)\"").matcher(r.body);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    // ---- Kafka, with the embedded broker's credential ----
    static Properties client() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dataDir.resolve("kafka-client.properties"))) {
            p.load(in);
        }
        p.remove("unveil.user");
        p.remove("unveil.password");
        return p;
    }

    /** Every record of a topic from the beginning to its current end. */
    static List<ConsumerRecord<String, byte[]>> readAll(String topic) throws IOException {
        Properties p = client();
        p.put("isolation.level", "read_committed");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (var c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(30)).stream().map(x -> new TopicPartition(topic, x.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)))
                c.poll(Duration.ofMillis(300)).forEach(out::add);
        }
        return out;
    }

    static long endOffsetSum(String topic) throws IOException {
        try (var c = new KafkaConsumer<>(client(), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(30)).stream().map(x -> new TopicPartition(topic, x.partition())).toList();
            return c.endOffsets(parts).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    static int health() throws Exception {
        return send(HttpRequest.newBuilder(URI.create(metrics + "/health"))).status;
    }

    // ---- checks ----
    static void video(Path out, List<Path> photos) throws IOException {
        int w = 640, h = 480;
        try (VideoFileWriter v = new VideoFileWriter(out, w, h, 10)) {
            for (Path photo : photos) {
                RgbImage img = Images.read(photo);
                int ph = 440, pw = Math.min(w - 20, Math.max(2, img.width() * ph / img.height()));
                RgbImage scaled = Images.resize(img, pw, ph);
                for (int f = 0; f < 30; f++) {
                    byte[] canvas = new byte[w * h * 3];
                    java.util.Arrays.fill(canvas, (byte) 110);
                    int ox = Math.min(w - pw, 10 + 4 * f), oy = 20;
                    for (int y = 0; y < ph; y++) System.arraycopy(scaled.data(), y * pw * 3, canvas, ((oy + y) * w + ox) * 3, pw * 3);
                    v.write(new RgbImage(w, h, canvas));
                }
            }
        }
    }

    static void poison() throws Exception {
        List<String> before = ids();
        String victim = before.isEmpty() ? enrollAny("Poison Victim") : before.get(0);
        long eventsBefore = endOffsetSum("unveil.events"), dlqBefore = endOffsetSum("unveil.dlq");
        try (var p = new KafkaProducer<>(client(), new StringSerializer(), new ByteArraySerializer())) {
            p.send(new ProducerRecord<>("unveil.gallery", "poison-1", "definitely not json".getBytes(StandardCharsets.UTF_8))).get();
            p.send(new ProducerRecord<>("unveil.gallery", "poison-2", "{\"id\":\"poison-2\",\"name\":\"No Centroid\"}".getBytes(StandardCharsets.UTF_8))).get();
            p.send(new ProducerRecord<>("unveil.gallery", victim, "{\"id\":\"someone-else\",\"name\":\"X\",\"centroid\":[1.0,0.0]}".getBytes(StandardCharsets.UTF_8))).get();
        }
        long t0 = System.nanoTime();
        Thread.sleep(20_000);
        result("poison.health_after_20s", health());
        List<String> after = ids();
        result("poison.victim_still_listed", after.contains(victim));
        result("poison.poison_keys_listed", after.stream().filter(i -> i.equals("poison-1") || i.equals("poison-2")).count());
        String fresh = enrollAny("After Poison");
        result("poison.enroll_after", ids().contains(fresh) ? "ok" : "missing");
        int letters = 0;
        for (ConsumerRecord<String, byte[]> r : readAll("unveil.dlq")) {
            if (r.offset() < dlqBefore && r.partition() == 0) continue;
            String v = new String(r.value(), StandardCharsets.UTF_8);
            if (v.contains("gallery")) {
                letters++;
                String reason = v.replaceAll(".*\"reason\":\"([^\"]{0,90}).*", "$1");
                result("poison.dlq", r.key() + " | " + reason);
            }
        }
        result("poison.dlq_records_for_3_bad_records", letters);
        Thread.sleep(10_000);
        result("poison.events_during_check", endOffsetSum("unveil.events") - eventsBefore);
        result("poison.health_end", health());
        result("poison.seconds", (System.nanoTime() - t0) / 1_000_000_000);
    }

    static void races() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        // 50 concurrent add-images on one identity
        String id = enrollAny("Race Adds");
        int countBefore = Integer.parseInt(field(send(api("/identities/" + id)).body, "count"));
        AtomicInteger acknowledged = new AtomicInteger(), retried = new AtomicInteger();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<Future<?>> fs = new ArrayList<>();
        CyclicBarrier go = new CyclicBarrier(25);
        for (int i = 0; i < 50; i++) {
            Path face = faces.get(i % faces.size());
            int n = i;
            fs.add(pool.submit(() -> {
                if (n < 25) go.await();
                while (true) {
                    Res r = multipart("/identities/" + id + "/images", null, List.of(face.getFileName().toString()), List.of(faceBytes(face)), "images");
                    statuses.computeIfAbsent(r.status, k -> new AtomicInteger()).incrementAndGet();
                    if (r.status == 503 || r.status == 409) {
                        retried.incrementAndGet();
                        Thread.sleep(200);
                        continue;
                    }
                    if (r.status == 200) acknowledged.addAndGet(Integer.parseInt(field(r.body, "added")));
                    return null;
                }
            }));
        }
        for (Future<?> f : fs) f.get(10, TimeUnit.MINUTES);
        int countAfter = Integer.parseInt(field(send(api("/identities/" + id)).body, "count"));
        result("adds.statuses", new TreeMap<>(statuses));
        result("adds.acknowledged_descriptors", acknowledged.get());
        result("adds.count_before_after", countBefore + "->" + countAfter);
        result("adds.lost_acknowledged", countBefore + acknowledged.get() - countAfter);

        // 100 rename/delete races on identities written straight to unveil.gallery with the broker credential
        // (enrolling 100 through the models takes minutes on a loaded 2-core machine; the race is in the writes)
        List<String> ids = new ArrayList<>();
        String stamp = Long.toString(System.currentTimeMillis());
        try (var p = new KafkaProducer<>(client(), new StringSerializer(), new ByteArraySerializer())) {
            StringBuilder centroid = new StringBuilder("[");
            for (int d = 0; d < 128; d++) centroid.append(d == 0 ? "" : ",").append(d % 2 == 0 ? "0.0883883" : "-0.0883883");
            centroid.append("]");
            for (int i = 0; i < 100; i++) {
                String rid = "race-" + stamp + "-" + i;
                ids.add(rid);
                String json = "{\"id\":\"" + rid + "\",\"name\":\"Race " + i + "\",\"centroid\":" + centroid + ",\"count\":1,\"meanQuality\":0.5,"
                        + "\"version\":1,\"createdMs\":" + stamp + ",\"updatedMs\":" + stamp + ",\"metadata\":{}}";
                p.send(new ProducerRecord<>("unveil.gallery", rid, json.getBytes(StandardCharsets.UTF_8)));
            }
            p.flush();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!ids().containsAll(ids)) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("the 100 race identities did not show up in the API");
            Thread.sleep(500);
        }
        int renamed = 0, deleted = 0;
        Map<Integer, AtomicInteger> renameStatuses = new TreeMap<>();
        for (String rid : ids) {
            CyclicBarrier pair = new CyclicBarrier(2);
            Future<Res> rename = pool.submit(() -> {
                pair.await();
                return send(api("/identities/" + rid).header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"Renamed " + rid + "\"}")));
            });
            Future<Res> delete = pool.submit(() -> {
                pair.await();
                return send(api("/identities/" + rid).DELETE());
            });
            Res d = delete.get(1, TimeUnit.MINUTES), r = rename.get(1, TimeUnit.MINUTES);
            if (d.status == 204) deleted++;
            if (r.status == 200) renamed++;
            renameStatuses.computeIfAbsent(r.status, k -> new AtomicInteger()).incrementAndGet();
        }
        pool.shutdownNow();
        List<String> listed = ids();
        long resurrected = ids.stream().filter(listed::contains).count();
        Map<String, byte[]> latest = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : readAll("unveil.gallery")) latest.put(r.key(), r.value());
        long inTopic = ids.stream().filter(i -> latest.get(i) != null).count();
        result("races.deletes_acknowledged", deleted);
        result("races.renames_acknowledged", renamed);
        result("races.rename_statuses", renameStatuses);
        result("races.resurrected_in_api", resurrected);
        result("races.resurrected_in_topic", inTopic);
    }

    static byte[] png(int w, int h) throws IOException {
        var img = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    static void bombs() throws Exception {
        // 40 JPEG frames of 8192x8192 in one MJPEG stream (frames of noise stripes: about the issue's 16.5 MB)
        var img = new java.awt.image.BufferedImage(8192, 8192, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.util.Random rnd = new java.util.Random(25);
        for (int y = 0; y < 8192; y += 64) for (int x = 0; x < 8192; x += 56) img.getRaster().setSample(x, y, 0, rnd.nextInt(256));
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", frame);
        ByteArrayOutputStream clip = new ByteArrayOutputStream();
        for (int i = 0; i < 40; i++) clip.write(frame.toByteArray());
        Res r = multipart("/identities/clip", "Clip Bomb", List.of("bomb.mjpeg"), List.of(clip.toByteArray()), "clip");
        result("bombs.clip_bytes", clip.size());
        result("bombs.clip_status", r.status + " in " + r.millis + " ms: " + r.body.substring(0, Math.min(160, r.body.length())));
        byte[] blank = png(4096, 4096);
        List<byte[]> twenty = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            twenty.add(blank);
            names.add("blank" + i + ".png");
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Res>> fs = new ArrayList<>();
        for (int i = 0; i < 6; i++) fs.add(pool.submit(() -> multipart("/identities", "PNG Bomb", names, twenty, "images")));
        Map<Integer, Integer> statuses = new TreeMap<>();
        long slowest = 0;
        for (Future<Res> f : fs) {
            Res x = f.get(5, TimeUnit.MINUTES);
            statuses.merge(x.status, 1, Integer::sum);
            slowest = Math.max(slowest, x.millis);
        }
        pool.shutdownNow();
        result("bombs.png_bytes_each", blank.length);
        result("bombs.png_6x20_statuses", statuses + " (slowest " + slowest + " ms)");
        result("bombs.health_after", health());
    }

    /** Milliseconds until an SSE client (reading) gets its first line. */
    static long sseFirstLine() throws Exception {
        URI u = URI.create(url);
        long t0 = System.nanoTime();
        try (Socket s = new Socket(u.getHost(), u.getPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET /api/v1/events/stream HTTP/1.1\r\nHost: x\r\nX-Api-Key: " + key + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            InputStream in = s.getInputStream();
            String got = "";
            while (!got.contains("connected")) {
                int c = in.read();
                if (c < 0) return -1;
                got += (char) c;
            }
            return (System.nanoTime() - t0) / 1_000_000;
        }
    }

    /** Worst and median milliseconds of /health, the identity list, recent events and a new SSE client over {@code seconds}. */
    static void probe(String phase, long seconds, List<Socket> hostile) throws Exception {
        List<Long> health = new ArrayList<>(), list = new ArrayList<>(), events = new ArrayList<>(), sse = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            health.add(send(HttpRequest.newBuilder(URI.create(metrics + "/health"))).millis);
            list.add(send(api("/identities")).millis);
            events.add(send(api("/events?limit=50")).millis);
            sse.add(sseFirstLine());
            for (Socket s : hostile) if (!s.isClosed()) try {
                s.getOutputStream().write("a".getBytes(StandardCharsets.UTF_8)); // one byte now and then: slowloris
            } catch (IOException closedByServer) {
                // the server dropped it: good
            }
            Thread.sleep(2000);
        }
        result("slow." + phase + ".rounds", health.size());
        for (var e : Map.of("health", health, "identities", list, "events", events, "new_sse_first_line", sse).entrySet()) {
            List<Long> v = new ArrayList<>(e.getValue());
            v.sort(null);
            result("slow." + phase + "." + e.getKey() + "_ms", "median " + v.get(v.size() / 2) + " worst " + v.get(v.size() - 1));
        }
    }

    static void slow() throws Exception {
        probe("baseline", 40, List.of()); // the same requests without hostile clients: what the machine's load alone gives
        URI g = URI.create(url), m = URI.create(metrics);
        List<Socket> hostile = new ArrayList<>();
        // 20 slowloris sockets per port: a request line and half a header, then a byte every 2 s
        for (URI u : List.of(g, m))
            for (int i = 0; i < 20; i++) {
                Socket s = new Socket(u.getHost(), u.getPort());
                s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.UTF_8));
                hostile.add(s);
            }
        // 5 SSE clients that never read, with a tiny receive window
        for (int i = 0; i < 5; i++) {
            Socket s = new Socket();
            s.setReceiveBufferSize(1024);
            s.connect(new java.net.InetSocketAddress(g.getHost(), g.getPort()));
            s.getOutputStream().write(("GET /api/v1/events/stream HTTP/1.1\r\nHost: x\r\nX-Api-Key: " + key + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            hostile.add(s);
        }
        probe("hostile", 60, hostile);
        for (Socket s : hostile) s.close();
    }
}
