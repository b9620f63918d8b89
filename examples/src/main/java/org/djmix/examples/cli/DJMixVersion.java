package org.djmix.examples.cli;

import ai.djl.engine.Engine;
import picocli.CommandLine.IVersionProvider;

/** The version {@code djmix --version} prints: the jar's, with DJL's and the engine's. */
public final class DJMixVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = DJMixVersion.class.getPackage().getImplementationVersion();
        return new String[] {
            "djmix " + (version == null ? "(development build)" : version),
            "DJL " + Engine.getDjlVersion() + ", PyTorch engine"
        };
    }
}
