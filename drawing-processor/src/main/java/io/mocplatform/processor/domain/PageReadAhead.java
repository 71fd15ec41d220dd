package io.mocplatform.processor.domain;

import io.mocplatform.processor.domain.port.PdfReader;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Reads the pages {@code first..last} of a drawing on {@code readers} threads while the caller stores and
 * checkpoints them one by one, in page order. A PDF document must not be used by two threads at once, so each
 * reader borrows one: the document already open for validation (it is not parsed again), and further copies opened
 * only when a second reader actually needs one. At most {@code readers} pages are read ahead of the caller, which
 * bounds the memory held in page images and text.
 */
final class PageReadAhead implements AutoCloseable {

    /** What is read from one page of one document. */
    @FunctionalInterface
    interface PageWork {
        RenderedPage read(PdfReader.PdfDocument document, int pageNumber);
    }

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final int readers;
    private final int last;
    private final PageWork work;
    private final Supplier<PdfReader.PdfDocument> openCopy;
    private final ExecutorService pool;
    private final BlockingDeque<PdfReader.PdfDocument> idle = new LinkedBlockingDeque<>();
    private final List<PdfReader.PdfDocument> copies = new ArrayList<>();
    private final Deque<Future<RenderedPage>> ahead = new ArrayDeque<>();
    private int documents = 1;
    private int nextPage;

    PageReadAhead(PdfReader.PdfDocument open, Supplier<PdfReader.PdfDocument> openCopy, int readers, int first,
                  int last, PageWork work) {
        if (readers < 1) {
            throw new IllegalArgumentException("at least one page reader, got " + readers);
        }
        this.readers = readers;
        this.last = last;
        this.work = work;
        this.openCopy = openCopy;
        this.nextPage = first;
        idle.add(open);
        pool = Executors.newFixedThreadPool(readers, task -> {
            Thread thread = new Thread(task, "page-reader-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        fill();
    }

    /** The next page in order; a failure reading it (a {@link DrawingRejectedException}, …) is thrown here. */
    RenderedPage next() {
        Future<RenderedPage> page = ahead.poll();
        if (page == null) {
            throw new IllegalStateException("no page left to read");
        }
        try {
            RenderedPage read = page.get();
            fill();
            return read;
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a page could not be read", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading pages", e);
        }
    }

    private void fill() {
        while (ahead.size() < readers && nextPage <= last) {
            int pageNumber = nextPage++;
            ahead.add(pool.submit(() -> {
                PdfReader.PdfDocument document = borrow();
                try {
                    return work.read(document, pageNumber);
                } finally {
                    idle.addFirst(document);
                }
            }));
        }
    }

    private PdfReader.PdfDocument borrow() throws InterruptedException {
        PdfReader.PdfDocument document = idle.pollFirst();
        if (document != null) {
            return document;
        }
        synchronized (copies) {
            if (documents < readers) {
                documents++;
                PdfReader.PdfDocument copy = openCopy.get();
                copies.add(copy);
                return copy;
            }
        }
        return idle.takeFirst();
    }

    /**
     * Stops reading ahead (a hand-on or a failure leaves pages unread), waits for pages being read, and closes the
     * copies; the document that was passed in stays open for its owner.
     */
    @Override
    public void close() {
        ahead.forEach(page -> page.cancel(false));
        pool.shutdown();
        try {
            if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("page readers did not stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (copies) {
            copies.forEach(PdfReader.PdfDocument::close);
        }
    }
}
