package org.djmix.examples.cli;

import ai.djl.engine.Engine;
import picocli.CommandLine.IVersionProvider;

/** The version {@code djmix --version} prints: the jar's, with DJL's and the engine's. */
public final class DJMixVersion implements IVersionProvider {

    /**
     * Returns the jar's version.
     *
     * @return e.g. {@code 0.1.0}, or {@code (development build)} outside a jar
     */
    static String libraryVersion() {
        String version = DJMixVersion.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "djmix " + libraryVersion(), "DJL " + Engine.getDjlVersion() + ", PyTorch engine"
        };
    }
}
