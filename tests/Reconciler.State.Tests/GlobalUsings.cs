global using Xunit;
global using Reconciler.Testing;
