// The suite runs real servers on a 2-core machine; one test class at a time keeps timings and races honest.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
