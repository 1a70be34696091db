export function App() {
  return <main className="app">Backend Playground</main>;
}
