// `testTimeout` is a global Jest option: inside a `projects` entry it is ignored, so each tier
// sets its default here (setupFilesAfterEnv runs in every test file of the project).
jest.setTimeout(60_000);
