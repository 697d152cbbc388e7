package io.unveil.core.runtime;

/**
 * One part of the pipeline that a process can run (ingest, detect, inpaint, recognize, gallery, ...). The launcher
 * starts the chosen roles in pipeline order with one shared {@link RoleContext} and closes them in reverse order.
 *
 * <p>A role owns its threads and clients: {@link #start} returns once the role is running, {@link #close} stops it.
 */
public interface Role extends AutoCloseable {
    /** The name used on the command line ({@code --roles ingest,detect}). */
    String name();

    void start(RoleContext ctx) throws Exception;

    /** True once a role with finite input has processed all of it (every camera was a file that ended). */
    default boolean finished() {
        return false;
    }

    @Override
    void close();
}
