package org.djmix.tasks.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Record;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.djmix.image.ByteImage;
import org.junit.jupiter.api.Test;

/** The synthetic set and the dataset around it. */
class ShapesSegmentationTest {

    @Test
    void imagesAndMasksAreDeterministicWithClassesAndIgnoreBorders() {
        ShapesSegmentation train = new ShapesSegmentation(true, 20, 48);
        Set<Integer> values = new HashSet<>();
        for (int i = 0; i < train.size(); i++) {
            ByteImage mask = train.mask(i);
            assertThat(mask.channels()).isEqualTo(1);
            assertThat(mask.height()).isEqualTo(48);
            for (int v : mask.samples()) {
                values.add(v);
            }
        }
        assertThat(values).containsOnly(0, 1, 2, 3, 4, 255).contains(0, 255);
        assertThat(values.size()).isGreaterThanOrEqualTo(5);
        assertThat(train.image(3)).isEqualTo(new ShapesSegmentation(true, 20, 48).image(3));
        assertThat(train.image(3)).isNotEqualTo(new ShapesSegmentation(false, 20, 48).image(3));
    }

    @Test
    void trainingRecordsAreCropsDrawnPerEpochAndImage() throws IOException {
        SegmentationDataset dataset =
                SegmentationDataset.builder()
                        .setSource(new ShapesSegmentation(true, 4, 48))
                        .optTransform(new JointTransform(32), 7)
                        .setSampling(2, false)
                        .build();
        try (NDManager manager = NDManager.newBaseManager()) {
            dataset.setEpoch(1);
            Record first = dataset.get(manager, 2);
            assertThat(first.getData().head().getShape().getShape()).containsExactly(3, 32, 32);
            assertThat(first.getLabels().head().getShape().getShape()).containsExactly(32, 32);
            float[] again = dataset.get(manager, 2).getData().head().toFloatArray();
            assertThat(again).containsExactly(first.getData().head().toFloatArray());
            dataset.setEpoch(2);
            assertThat(dataset.get(manager, 2).getData().head().toFloatArray()).isNotEqualTo(again);
        }
    }

    @Test
    void aMaskOfAnotherSizeIsNamed() {
        ShapesSegmentation shapes = new ShapesSegmentation(false, 2, 32);
        SegmentationSource broken =
                new SegmentationSource() {
                    @Override
                    public int size() {
                        return shapes.size();
                    }

                    @Override
                    public int numClasses() {
                        return shapes.numClasses();
                    }

                    @Override
                    public ByteImage image(int index) {
                        return shapes.image(index);
                    }

                    @Override
                    public ByteImage mask(int index) {
                        return ByteImage.zeros(1, 31, 32);
                    }

                    @Override
                    public String name(int index) {
                        return shapes.name(index);
                    }
                };
        SegmentationDataset dataset =
                SegmentationDataset.builder().setSource(broken).setSampling(1, false).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> dataset.get(manager, 1))
                    .isInstanceOf(IOException.class)
                    .hasMessage(
                            "shapes-seg-val-00001: mask is 1x31x32, expected 1x32x32 like its image");
        }
    }
}
