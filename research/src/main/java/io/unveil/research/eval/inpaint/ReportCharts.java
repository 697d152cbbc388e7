package io.unveil.research.eval.inpaint;

import io.unveil.research.eval.RocCurve;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's charts, drawn by XChart. */
public final class ReportCharts {
    private ReportCharts() {
    }

    /** Verification accuracy per method with the fold standard deviation as error bars (the paper's Fig. 6). */
    public static BufferedImage accuracy(List<MethodResult> methods, String title, int folds) {
        CategoryChart c = new CategoryChartBuilder().width(760).height(460).title(title)
                .xAxisTitle("method").yAxisTitle("verification accuracy (" + folds + "-fold mean, std bars)").build();
        List<String> names = new ArrayList<>();
        List<Double> acc = new ArrayList<>(), std = new ArrayList<>();
        for (MethodResult m : methods) {
            names.add(m.name());
            acc.add(m.accuracy());
            std.add(m.accuracyStd());
        }
        c.addSeries("accuracy", names, acc, std);
        double lo = acc.stream().mapToDouble(Double::doubleValue).min().orElse(0.5);
        c.getStyler().setYAxisMin(Math.max(0, Math.floor((lo - 0.1) * 10) / 10));
        c.getStyler().setYAxisMax(1.0);
        c.getStyler().setLegendVisible(false);
        c.getStyler().setLabelsVisible(true);
        c.getStyler().setDecimalPattern("0.000");
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setErrorBarsColor(Color.DARK_GRAY);
        return BitmapEncoder.getBufferedImage(c);
    }

    /** ROC per method, FAR on a log axis (points with no false accept cannot be drawn there). */
    public static BufferedImage roc(List<MethodResult> methods, String title) {
        XYChart c = new XYChartBuilder().width(760).height(520).title(title).xAxisTitle("false accept rate")
                .yAxisTitle("true accept rate").build();
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.0);
        double floor = 1;
        for (MethodResult m : methods) {
            RocCurve r = m.roc();
            List<Double> x = new ArrayList<>(), y = new ArrayList<>();
            for (int k = 0; k < r.far().length; k++) {
                if (r.far()[k] <= 0) continue;
                x.add(r.far()[k]);
                y.add(r.tar()[k]);
            }
            floor = Math.min(floor, r.farResolution());
            if (x.isEmpty()) continue;
            XYSeries s = c.addSeries(m.name(), x, y);
            s.setMarker(SeriesMarkers.NONE);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        }
        c.getStyler().setXAxisMin(floor);
        c.getStyler().setXAxisMax(1.0);
        return BitmapEncoder.getBufferedImage(c);
    }

    /** One t-SNE scatter per method, a colour per identity, composed into a grid (the paper's Fig. 7). */
    public static BufferedImage tsne(List<MethodResult> methods) {
        List<BufferedImage> panels = new ArrayList<>();
        for (MethodResult m : methods) {
            XYChart c = new XYChartBuilder().width(380).height(360).title(m.name()).build();
            c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            c.getStyler().setLegendVisible(false);
            c.getStyler().setAxisTicksVisible(false);
            c.getStyler().setMarkerSize(8);
            c.getStyler().setChartBackgroundColor(Color.WHITE);
            Map<String, List<double[]>> byId = new LinkedHashMap<>();
            for (int k = 0; k < m.tsne().length; k++) byId.computeIfAbsent(m.tsneLabels().get(k), z -> new ArrayList<>()).add(m.tsne()[k]);
            if (byId.isEmpty()) continue;
            for (var e : byId.entrySet()) {
                double[] x = e.getValue().stream().mapToDouble(p -> p[0]).toArray();
                double[] y = e.getValue().stream().mapToDouble(p -> p[1]).toArray();
                c.addSeries(e.getKey(), x, y);
            }
            panels.add(BitmapEncoder.getBufferedImage(c));
        }
        if (panels.isEmpty()) return new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        int cols = Math.min(3, panels.size()), rows = (panels.size() + cols - 1) / cols;
        int w = panels.get(0).getWidth(), h = panels.get(0).getHeight();
        BufferedImage out = new BufferedImage(cols * w, rows * h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        for (int i = 0; i < panels.size(); i++) g.drawImage(panels.get(i), (i % cols) * w, (i / cols) * h, null);
        g.dispose();
        return out;
    }
}
