package io.unveil.gallery;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One writer per identity inside this process: every read-modify-write of an identity (add images, rename, delete,
 * clip into an existing identity) runs under the lock of its id's stripe and re-reads the entry from the store inside
 * it. Without it two adds on one identity each merged into the same old centroid (10 concurrent adds, 9 acknowledged,
 * count went from 1 to 2) and a rename that had read the entry before a delete wrote it back after the tombstone.
 * Striped (fixed memory, ids are unbounded); two ids on one stripe only wait for each other's short merge.
 */
final class IdentityLocks {
    private final ReentrantLock[] stripes;

    IdentityLocks(int stripes) {
        this.stripes = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) this.stripes[i] = new ReentrantLock();
    }

    <T> T with(String id, Supplier<T> action) {
        ReentrantLock l = stripes[Math.floorMod(id == null ? 0 : id.hashCode(), stripes.length)];
        l.lock();
        try {
            return action.get();
        } finally {
            l.unlock();
        }
    }
}
