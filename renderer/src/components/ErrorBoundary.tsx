import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** The last line of defence: a rendering fault shows a readable message, never a blank window. */
interface Props {
  children: ReactNode;
  /** At the top level there is no page around the message, so it brings its own main landmark. */
  standalone?: boolean;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // No patient data is logged: just the fault and where it happened.
    console.error('[renderer] screen failed to draw:', error.message, info.componentStack?.split('\n')[1]?.trim() ?? '');
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    const panel = (
      <div className="nhsuk-error-summary" role="alert" aria-labelledby="boundary-title">
        <h2 className="nhsuk-error-summary__heading" id="boundary-title">Something went wrong</h2>
        <div className="nhsuk-error-summary__body">
          <p>Roundtable could not show this screen. Information that was already saved is not affected.</p>
          <p>{this.state.error.message}</p>
          <a href="#/homes" onClick={() => this.setState({ error: null })}>Go to care homes</a>
        </div>
      </div>
    );
    if (!this.props.standalone) return panel;
    return (
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent" tabIndex={-1}>
          <h1>Roundtable</h1>
          {panel}
        </main>
      </div>
    );
  }
}
