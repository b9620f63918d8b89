package org.djmix.examples.cli;

import ai.djl.training.util.ProgressBar;
import org.djmix.corruptions.CorruptionJob;

/** Shows a {@link CorruptionJob}'s progress with DJL's console progress bar. */
final class CorruptionProgressBar implements CorruptionJob.ProgressListener {

    private ProgressBar bar;

    @Override
    public void started(long totalImages) {
        bar = new ProgressBar("Corrupting", totalImages, " images");
    }

    @Override
    public void advanced(long doneImages) {
        bar.update(doneImages);
    }

    @Override
    public void finished() {
        bar.end();
    }
}
