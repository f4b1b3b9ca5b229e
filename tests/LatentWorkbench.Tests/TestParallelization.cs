// Test classes run one at a time. TorchSharp 0.107 frees a Scalar made for a `double` argument in its finalizer, and
// a Scalar whose managed wrapper is no longer referenced can be finalized while the native op that reads it is still
// running. In one process, a collection forced on one thread (NativeScalars.Release, every few training steps) can
// therefore free a Scalar another thread's op is using: CI once failed with "Expected false to be true ... toDouble"
// in a metrics test running beside a training test. The product runs torch work on one thread at a time; the
// suite now does too (which also removes the races on the process-wide current folder and torch's global generator).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
