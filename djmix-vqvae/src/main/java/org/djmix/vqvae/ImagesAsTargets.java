package org.djmix.vqvae;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.training.dataset.Sampler;
import ai.djl.translate.TranslateException;
import ai.djl.util.Progress;
import java.io.IOException;

/** A dataset's images as both data and labels: the target of an autoencoder is its input. */
final class ImagesAsTargets extends RandomAccessDataset {

    private final RandomAccessDataset images;

    private ImagesAsTargets(RandomAccessDataset images, Sampler sampler) {
        super(new Builder().setSampling(sampler));
        this.images = images;
    }

    /**
     * Wraps a dataset.
     *
     * @param images records whose first data array is an image; their labels are ignored
     * @param sampler the batches to draw
     * @return the dataset
     */
    static ImagesAsTargets of(RandomAccessDataset images, Sampler sampler) {
        return new ImagesAsTargets(images, sampler);
    }

    @Override
    public Record get(NDManager manager, long index) throws IOException {
        NDList image = new NDList(images.get(manager, index).getData().head());
        return new Record(image, image);
    }

    @Override
    protected long availableSize() {
        return images.size();
    }

    @Override
    public void prepare(Progress progress) throws IOException, TranslateException {
        images.prepare(progress);
    }

    private static final class Builder extends BaseBuilder<Builder> {

        @Override
        protected Builder self() {
            return this;
        }
    }
}
