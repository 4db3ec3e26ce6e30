global using Xunit;
global using Xunit.Abstractions;
