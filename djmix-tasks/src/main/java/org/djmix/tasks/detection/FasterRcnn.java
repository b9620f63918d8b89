package org.djmix.tasks.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.djmix.tasks.classification.ResNet;

/**
 * Faster R-CNN with a feature pyramid (Ren et al. 2015, Lin et al. 2017) as torchvision's {@code
 * fasterrcnn_resnet50_fpn}, so its {@code state_dict} loads by position: a ResNet-50 {@code
 * backbone.body} with BatchNorm frozen ({@code FrozenBatchNorm2d}; learning only when training from
 * scratch) and the stem and first stages frozen (3 trainable stages by default), a {@code
 * backbone.fpn} ({@link FeaturePyramid}), an {@code rpn.head} ({@link RpnHead}) over the {@link
 * AnchorGenerator#fpnDefault()} anchors, proposals ({@link ProposalSelector}), {@link
 * MultiScaleRoiAlign}, {@code roi_heads.box_head} and {@code box_predictor} ({@link BoxHeads}).
 *
 * <p>Inputs: images (N, 3, H, W) in [0, 1], padded (normalised here with ImageNet's mean and
 * standard deviation, as torchvision's transform does), optionally each image's (height, width)
 * before padding as a second array (N, 2). In training the targets come as DJL labels (the {@code
 * Trainer.forward(data, labels)} path): boxes (N, M, 4) and classes (N, M), 0..K−1 with −1 for
 * padding. Outputs, five in both modes so that {@link org.djmix.core.TaskOutputs} holds:
 *
 * <ul>
 *   <li>training: the RPN's objectness and box losses, the box branch's classification and box
 *       losses (scalars; the detection loss \(\ell\) is their sum), and the backbone's output;
 *   <li>inference: boxes (N, D, 4), scores (N, D), classes (N, D) (−1 pads), detections per image
 *       (N), and the backbone's output; D = {@link DetectionPostprocess#detectionsPerImage()}.
 * </ul>
 *
 * <p>Initialisation (before any pretrained weights load) follows torchvision: the pyramid's
 * convolutions \(\mathcal{U}(\pm\sqrt{3/\mathrm{fan_{in}}})\), the RPN head's \(\mathcal{N}(0,
 * 0.01^2)\), whatever initialiser the trainer sets for the rest; a larger start makes the first
 * proposals' box codes explode.
 *
 * <p>The backbone's output, what the consistency term \(\mathrm{JS}(f(\tilde{x}), f(x))\) compares,
 * is every pyramid level flattened and joined, (N, C, Σ H_l W_l), class axis 1.
 */
public final class FasterRcnn extends AbstractBlock {

    private static final byte VERSION = 1;
    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    /** torchvision's FPN initialisation: {@code kaiming_uniform_(a=1)}, bound √(3 / fan-in). */
    private static final Initializer FPN_INIT =
            new XavierInitializer(
                    XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.IN, 3);

    /** torchvision's RPN head initialisation: \(\mathcal{N}(0, 0.01^2)\). */
    private static final Initializer RPN_INIT = new NormalInitializer(0.01f);

    /** The training outputs: four losses, then the backbone's output. */
    public static final int OUTPUTS = 5;

    /** The index of the backbone's output among the outputs. */
    public static final int BACKBONE_OUTPUT = 4;

    private final ResNet backbone;
    private final FeaturePyramid pyramid;
    private final RpnHead rpnHead;
    private final Block boxHead;
    private final Block predictor;
    private final int trainableLayers;
    private final int objectClasses;
    private final AnchorGenerator anchors = AnchorGenerator.fpnDefault();
    private final MultiScaleRoiAlign pooler = MultiScaleRoiAlign.fasterRcnnDefault();
    private final ProposalSelector trainingProposals;
    private final ProposalSelector testingProposals;
    private final RpnLoss rpnLoss;
    private final RoiSampling roiSampling;
    private final DetectionPostprocess postprocess;
    private final long seed;
    private final AtomicLong steps = new AtomicLong();

    private FasterRcnn(Builder builder) {
        super(VERSION);
        ResNet.Builder resnet = ResNet.builder().setNumClasses(0);
        if (builder.frozenBatchNorm) {
            resnet.optFrozenBatchNorm();
        }
        if (builder.small) {
            resnet.optStages(new int[] {1, 1, 1, 1}, 16);
        }
        int channels = builder.small ? 64 : 256;
        backbone = addChildBlock("backbone", resnet.build());
        pyramid = addChildBlock("fpn", new FeaturePyramid(4, channels));
        rpnHead = addChildBlock("rpn", new RpnHead(channels, anchors.anchorsPerCell()));
        boxHead = addChildBlock("box_head", BoxHeads.twoMlp(builder.small ? 256 : 1024));
        predictor = addChildBlock("box_predictor", BoxHeads.predictor(builder.classes + 1));
        trainableLayers = builder.trainableLayers;
        objectClasses = builder.classes;
        trainingProposals = builder.trainingProposals;
        testingProposals = builder.testingProposals;
        postprocess = builder.postprocess;
        rpnLoss = builder.rpnLoss;
        roiSampling = builder.roiSampling;
        seed = builder.seed;
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the ResNet backbone ({@code backbone.body}).
     *
     * @return the backbone
     */
    public ResNet getBackbone() {
        return backbone;
    }

    /**
     * Returns the feature pyramid ({@code backbone.fpn}).
     *
     * @return the pyramid
     */
    public FeaturePyramid getPyramid() {
        return pyramid;
    }

    /**
     * Returns the RPN's head ({@code rpn.head}).
     *
     * @return the head
     */
    public RpnHead getRpnHead() {
        return rpnHead;
    }

    /**
     * Returns the two-layer box head ({@code roi_heads.box_head}).
     *
     * @return the head
     */
    public Block getBoxHead() {
        return boxHead;
    }

    /**
     * Returns the number of object classes K (the background is added).
     *
     * @return K
     */
    public int getObjectClasses() {
        return objectClasses;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        if (training) {
            throw new IllegalArgumentException(
                    "Faster R-CNN needs its targets in training: call forward(parameterStore,"
                            + " data, labels, params) with labels (boxes (N, M, 4), classes (N, M))");
        }
        return run(parameterStore, inputs, null, params);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList data,
            NDList labels,
            PairList<String, Object> params) {
        if (labels == null || labels.size() < 2) {
            throw new IllegalArgumentException(
                    "Faster R-CNN's training labels are boxes (N, M, 4) and classes (N, M), got "
                            + (labels == null ? "none" : labels.size() + " arrays"));
        }
        return run(parameterStore, data, labels, params);
    }

    /** The first stage's results for a batch. */
    private record FirstStage(
            NDList levels,
            NDList head,
            float[] anchors,
            int[][] sizes,
            List<ProposalSelector.Proposals> proposals) {}

    private FirstStage firstStage(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray images = inputs.head();
        Shape shape = images.getShape();
        int n = (int) shape.get(0);
        int height = (int) shape.get(2);
        int width = (int) shape.get(3);
        int[][] sizes = imageSizes(inputs, n, height, width);
        NDList levels = features(parameterStore, normalise(images, sizes), training, params);
        NDList head = rpnHead.forward(parameterStore, levels, training, params);
        int[] gridHeights = new int[levels.size()];
        int[] gridWidths = new int[levels.size()];
        for (int l = 0; l < levels.size(); l++) {
            gridHeights[l] = (int) levels.get(l).getShape().get(2);
            gridWidths[l] = (int) levels.get(l).getShape().get(3);
        }
        float[] anchorBoxes = anchors.anchors(height, width, gridHeights, gridWidths);
        List<ProposalSelector.Proposals> proposals =
                (training ? trainingProposals : testingProposals)
                        .select(detached(head), anchorBoxes, sizes);
        return new FirstStage(levels, head, anchorBoxes, sizes, proposals);
    }

    /**
     * Runs the first stage in inference: the pyramid and the proposals (for tests and analysis).
     *
     * @param parameterStore the parameter store
     * @param inputs images and optionally their sizes, as {@link #forward}
     * @return the pyramid's levels and every image's proposals
     */
    Map.Entry<NDList, List<ProposalSelector.Proposals>> proposals(
            ParameterStore parameterStore, NDList inputs) {
        FirstStage first = firstStage(parameterStore, inputs, false, null);
        return Map.entry(first.levels(), first.proposals());
    }

    private NDList run(
            ParameterStore parameterStore,
            NDList inputs,
            NDList labels,
            PairList<String, Object> params) {
        boolean training = labels != null;
        NDArray images = inputs.head();
        int n = (int) images.getShape().get(0);
        FirstStage first = firstStage(parameterStore, inputs, training, params);
        NDList pyramidLevels = first.levels().subNDList(0, pooler.levels());
        NDArray backboneOutput = backboneOutput(first.levels(), n);
        if (training) {
            Targets targets = Targets.of(labels);
            SplittableRandom random =
                    new SplittableRandom(seed + 0x9E3779B97F4A7C15L * steps.getAndIncrement());
            NDList rpn = rpnLoss.compute(first.head(), first.anchors(), targets.boxes, random);
            List<float[]> proposalBoxes = new ArrayList<>();
            first.proposals().forEach(p -> proposalBoxes.add(p.boxes()));
            RoiSampling.Sample sample =
                    roiSampling.sample(proposalBoxes, targets.boxes, targets.classes, random);
            NDList box = boxBranch(parameterStore, pyramidLevels, sample.rois(), true, params);
            NDList roi = roiSampling.loss(box.get(0), box.get(1), sample);
            return new NDList(rpn.get(0), rpn.get(1), roi.get(0), roi.get(1), backboneOutput);
        }
        float[] rois = rois(first.proposals());
        NDList box = boxBranch(parameterStore, pyramidLevels, rois, false, params);
        List<Detections> detections =
                postprocess.detections(box.get(0), box.get(1), rois, first.sizes());
        NDList outputs = pack(detections, images.getManager(), images);
        outputs.add(backboneOutput);
        return outputs;
    }

    /** ImageNet normalisation; the padding is then zero, as torchvision pads after normalising. */
    private static NDArray normalise(NDArray images, int[][] sizes) {
        NDManager manager = images.getManager();
        Shape shape = images.getShape();
        int height = (int) shape.get(2);
        int width = (int) shape.get(3);
        NDArray mean =
                manager.create(MEAN, new Shape(1, 3, 1, 1)).toDevice(images.getDevice(), false);
        NDArray std =
                manager.create(STD, new Shape(1, 3, 1, 1)).toDevice(images.getDevice(), false);
        NDArray normalised = images.sub(mean).div(std);
        boolean padded = false;
        float[] mask = new float[sizes.length * height * width];
        for (int n = 0; n < sizes.length; n++) {
            padded |= sizes[n][0] < height || sizes[n][1] < width;
            for (int y = 0; y < sizes[n][0]; y++) {
                int row = (n * height + y) * width;
                java.util.Arrays.fill(mask, row, row + sizes[n][1], 1f);
            }
        }
        if (!padded) {
            return normalised;
        }
        NDArray valid =
                manager.create(mask, new Shape(sizes.length, 1, height, width))
                        .toDevice(images.getDevice(), false);
        return normalised.mul(valid);
    }

    private NDList features(
            ParameterStore parameterStore,
            NDArray images,
            boolean training,
            PairList<String, Object> params) {
        NDList x = backbone.getStem().forward(parameterStore, new NDList(images), training, params);
        NDList stages = new NDList();
        for (int stage = 1; stage <= 4; stage++) {
            x = backbone.getLayer(stage).forward(parameterStore, x, training, params);
            stages.add(x.head());
        }
        return pyramid.forward(parameterStore, stages, training, params);
    }

    private static NDList detached(NDList head) {
        NDList copies = new NDList(head.size());
        for (NDArray a : head) {
            copies.add(a.stopGradient());
        }
        return copies;
    }

    private static NDArray backboneOutput(NDList levels, int n) {
        NDList flat = new NDList(levels.size());
        for (NDArray level : levels) {
            flat.add(level.reshape(n, level.getShape().get(1), -1));
        }
        return NDArrays.concat(flat, 2);
    }

    private NDList boxBranch(
            ParameterStore parameterStore,
            NDList levels,
            float[] rois,
            boolean training,
            PairList<String, Object> params) {
        NDArray pooled = pooler.apply(levels, rois);
        NDList hidden = boxHead.forward(parameterStore, new NDList(pooled), training, params);
        return predictor.forward(parameterStore, hidden, training, params);
    }

    private static float[] rois(List<ProposalSelector.Proposals> proposals) {
        int total = proposals.stream().mapToInt(ProposalSelector.Proposals::size).sum();
        float[] rois = new float[5 * total];
        int k = 0;
        for (int n = 0; n < proposals.size(); n++) {
            float[] boxes = proposals.get(n).boxes();
            for (int i = 0; i < boxes.length / 4; i++) {
                rois[5 * k] = n;
                System.arraycopy(boxes, 4 * i, rois, 5 * k + 1, 4);
                k++;
            }
        }
        return rois;
    }

    private static int[][] imageSizes(NDList inputs, int n, int height, int width) {
        int[][] sizes = new int[n][];
        if (inputs.size() > 1) {
            int[] flat = inputs.get(1).toType(DataType.INT32, false).toIntArray();
            if (flat.length != 2 * n) {
                throw new IllegalArgumentException(
                        "image sizes must be (N, 2) = ("
                                + n
                                + ", 2), got "
                                + inputs.get(1).getShape());
            }
            for (int i = 0; i < n; i++) {
                sizes[i] =
                        new int[] {Math.min(flat[2 * i], height), Math.min(flat[2 * i + 1], width)};
            }
        } else {
            for (int i = 0; i < n; i++) {
                sizes[i] = new int[] {height, width};
            }
        }
        return sizes;
    }

    private NDList pack(List<Detections> detections, NDManager manager, NDArray like) {
        int n = detections.size();
        int d = postprocess.detectionsPerImage();
        float[] boxes = new float[n * d * 4];
        float[] scores = new float[n * d];
        int[] classes = new int[n * d];
        int[] counts = new int[n];
        java.util.Arrays.fill(classes, -1);
        for (int i = 0; i < n; i++) {
            Detections image = detections.get(i);
            counts[i] = image.size();
            System.arraycopy(image.boxes(), 0, boxes, i * d * 4, image.boxes().length);
            System.arraycopy(image.scores(), 0, scores, i * d, image.size());
            System.arraycopy(image.labels(), 0, classes, i * d, image.size());
        }
        return new NDList(
                manager.create(boxes, new Shape(n, d, 4)).toDevice(like.getDevice(), false),
                manager.create(scores, new Shape(n, d)).toDevice(like.getDevice(), false),
                manager.create(classes, new Shape(n, d)).toDevice(like.getDevice(), false),
                manager.create(counts).toDevice(like.getDevice(), false));
    }

    /**
     * Tells training outputs (losses first) from inference outputs (detections first).
     *
     * @param outputs what the block returned
     * @return true for the losses of a training forward
     */
    public static boolean isTrainingOutput(NDList outputs) {
        return outputs.head().getShape().isScalar();
    }

    /**
     * Unpacks the inference outputs.
     *
     * @param outputs what the block returns in inference
     * @return per image its detections
     */
    public static List<Detections> detections(NDList outputs) {
        Shape shape = outputs.get(1).getShape();
        int n = (int) shape.get(0);
        int d = (int) shape.get(1);
        float[] boxes = outputs.get(0).toFloatArray();
        float[] scores = outputs.get(1).toFloatArray();
        int[] classes = outputs.get(2).toType(DataType.INT32, false).toIntArray();
        int[] counts = outputs.get(3).toType(DataType.INT32, false).toIntArray();
        List<Detections> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int c = counts[i];
            result.add(
                    new Detections(
                            java.util.Arrays.copyOfRange(boxes, i * d * 4, i * d * 4 + 4 * c),
                            java.util.Arrays.copyOfRange(scores, i * d, i * d + c),
                            java.util.Arrays.copyOfRange(classes, i * d, i * d + c)));
        }
        return result;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long n = inputShapes[0].get(0);
        int d = postprocess.detectionsPerImage();
        Shape[] levels = pyramid.getOutputShapes(stageShapes(inputShapes[0]));
        long positions = 0;
        for (Shape level : levels) {
            positions += level.get(2) * level.get(3);
        }
        return new Shape[] {
            new Shape(n, d, 4),
            new Shape(n, d),
            new Shape(n, d),
            new Shape(n),
            new Shape(n, levels[0].get(1), positions)
        };
    }

    private Shape[] stageShapes(Shape input) {
        Shape[] shapes = backbone.getStem().getOutputShapes(new Shape[] {input});
        Shape[] stages = new Shape[4];
        for (int stage = 1; stage <= 4; stage++) {
            shapes = backbone.getLayer(stage).getOutputShapes(shapes);
            stages[stage - 1] = shapes[0];
        }
        return stages;
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        backbone.initialize(manager, dataType, inputShapes[0]);
        Shape[] stages = stageShapes(inputShapes[0]);
        pyramid.setInitializer(FPN_INIT, Parameter.Type.WEIGHT);
        pyramid.initialize(manager, dataType, stages);
        Shape[] levels = pyramid.getOutputShapes(stages);
        rpnHead.setInitializer(RPN_INIT, Parameter.Type.WEIGHT);
        rpnHead.initialize(manager, dataType, levels);
        long channels = levels[0].get(1);
        Shape pooled = new Shape(1, channels, pooler.outputSize(), pooler.outputSize());
        boxHead.initialize(manager, dataType, pooled);
        predictor.initialize(manager, dataType, boxHead.getOutputShapes(new Shape[] {pooled}));
        backbone.getStem().freezeParameters(true);
        for (int stage = 1; stage <= 4 - Math.min(trainableLayers, 4); stage++) {
            backbone.getLayer(stage).freezeParameters(true);
        }
    }

    /** The targets of a training batch, per image, on the host. */
    private record Targets(List<float[]> boxes, List<int[]> classes) {

        static Targets of(NDList labels) {
            NDArray boxArray = labels.get(0);
            Shape shape = boxArray.getShape();
            int n = (int) shape.get(0);
            int m = (int) shape.get(1);
            float[] boxes = boxArray.toFloatArray();
            int[] classes = labels.get(1).toType(DataType.INT32, false).toIntArray();
            List<float[]> perImageBoxes = new ArrayList<>(n);
            List<int[]> perImageClasses = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int count = 0;
                for (int j = 0; j < m; j++) {
                    count += classes[i * m + j] >= 0 ? 1 : 0;
                }
                float[] b = new float[4 * count];
                int[] c = new int[count];
                int k = 0;
                for (int j = 0; j < m; j++) {
                    if (classes[i * m + j] >= 0) {
                        System.arraycopy(boxes, 4 * (i * m + j), b, 4 * k, 4);
                        c[k++] = classes[i * m + j];
                    }
                }
                perImageBoxes.add(b);
                perImageClasses.add(c);
            }
            return new Targets(perImageBoxes, perImageClasses);
        }
    }

    /** Builds a {@link FasterRcnn}: {@code setNumClasses}, the rest as torchvision's defaults. */
    public static final class Builder {

        private int classes = -1;
        private boolean small;
        private boolean frozenBatchNorm = true;
        private int trainableLayers = 3;
        private ProposalSelector trainingProposals =
                new ProposalSelector(2000, 2000, 0.7f, 1e-3f, 0f);
        private ProposalSelector testingProposals =
                new ProposalSelector(1000, 1000, 0.7f, 1e-3f, 0f);
        private DetectionPostprocess postprocess = DetectionPostprocess.torchvisionDefault();
        private RpnLoss rpnLoss = RpnLoss.torchvisionDefault();
        private RoiSampling roiSampling = RoiSampling.torchvisionDefault();
        private long seed;

        Builder() {}

        /**
         * Sets the number of object classes K (the predictor scores K + 1 with the background).
         *
         * @param classes K &gt;= 1 (20 for VOC)
         * @return this builder
         */
        public Builder setNumClasses(int classes) {
            this.classes = classes;
            return this;
        }

        /**
         * Uses a small network for CPU demos and tests: a bottleneck ResNet of one block per stage
         * and width 16, a 64-channel pyramid and a 256-unit box head, and smaller budgets in the
         * manner of torchvision's mobile detectors: 128 regions per image for the box branch
         * (instead of 512), 1 000 proposals per level and image in training and 500 in inference
         * (instead of 2 000 and 1 000). Not torchvision's network: its weights do not load.
         *
         * @return this builder
         */
        public Builder optSmallBackbone() {
            small = true;
            trainingProposals = new ProposalSelector(1000, 1000, 0.7f, 1e-3f, 0f);
            testingProposals = new ProposalSelector(500, 500, 0.7f, 1e-3f, 0f);
            RoiSampling reference = RoiSampling.torchvisionDefault();
            roiSampling =
                    new RoiSampling(
                            reference.matcher(),
                            new BalancedSampler(128, 0.25f),
                            reference.coder());
            return this;
        }

        /**
         * Uses BatchNorm that learns in the backbone instead of the frozen one: for training from
         * scratch (torchvision does the same without pretrained weights), since a frozen BatchNorm
         * at its initial values does not normalise at all.
         *
         * @return this builder
         */
        public Builder optTrainableBatchNorm() {
            frozenBatchNorm = false;
            return this;
        }

        /**
         * Sets how many of the backbone's stages train, counted from the last (torchvision's {@code
         * trainable_backbone_layers}, default 3; 5 trains all but the frozen BatchNorm).
         *
         * @param layers 0..5
         * @return this builder
         */
        public Builder optTrainableLayers(int layers) {
            this.trainableLayers = layers;
            return this;
        }

        /**
         * Sets the proposal selection in training and in inference (default 2 000 / 2 000 and 1 000
         * / 1 000 per level / image, NMS 0.7).
         *
         * @param training in training
         * @param testing in inference
         * @return this builder
         */
        public Builder optProposals(ProposalSelector training, ProposalSelector testing) {
            this.trainingProposals = training;
            this.testingProposals = testing;
            return this;
        }

        /**
         * Sets the test-time output (default score 0.05, NMS 0.5, 100 detections).
         *
         * @param postprocess the post-processing
         * @return this builder
         */
        public Builder optPostprocess(DetectionPostprocess postprocess) {
            this.postprocess = postprocess;
            return this;
        }

        /**
         * Sets the training targets of both stages (default torchvision's: {@link
         * RpnLoss#torchvisionDefault()}, {@link RoiSampling#torchvisionDefault()}).
         *
         * @param rpn the RPN's matching, drawing and loss
         * @param roi the box branch's matching, drawing and loss
         * @return this builder
         */
        public Builder optLosses(RpnLoss rpn, RoiSampling roi) {
            this.rpnLoss = rpn;
            this.roiSampling = roi;
            return this;
        }

        /**
         * Sets the seed of the RPN's and box branch's samplers.
         *
         * @param seed any
         * @return this builder
         */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Builds the detector.
         *
         * @return the block
         */
        public FasterRcnn build() {
            if (classes < 1) {
                throw new IllegalArgumentException(
                        "setNumClasses(K >= 1) is required, got " + classes);
            }
            if (trainableLayers < 0 || trainableLayers > 5) {
                throw new IllegalArgumentException(
                        "trainable layers must be 0..5, got " + trainableLayers);
            }
            return new FasterRcnn(this);
        }
    }
}
