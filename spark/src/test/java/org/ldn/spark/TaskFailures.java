package org.ldn.spark;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/** A listener (spark.extraListeners) that counts, for tests, the tasks that did not succeed and the executors lost. */
public final class TaskFailures extends SparkListener {
    static final AtomicInteger FAILED = new AtomicInteger();
    static final AtomicInteger SUCCEEDED = new AtomicInteger();
    static final AtomicInteger EXECUTORS_REMOVED = new AtomicInteger();

    static void reset() {
        FAILED.set(0);
        SUCCEEDED.set(0);
        EXECUTORS_REMOVED.set(0);
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd e) {
        (e.reason() == Success$.MODULE$ ? SUCCEEDED : FAILED).incrementAndGet();
    }

    @Override
    public void onExecutorRemoved(SparkListenerExecutorRemoved e) {
        EXECUTORS_REMOVED.incrementAndGet();
    }
}
