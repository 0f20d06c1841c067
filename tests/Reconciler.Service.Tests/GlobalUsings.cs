global using Xunit;
global using Reconciler.Testing;
global using Reconciler.Service.Loop;
