"""The floor for ``scripts/browser_time.py``: a bare Streamlit page holding one Plotly chart.

Same Streamlit, same theme and fonts (``.streamlit/config.toml`` of the project), one bar
chart of 50 bars (as many as Bangkok's districts), nothing else: the time to its first chart
is what Streamlit and Plotly cost before any dashboard code.

    streamlit run scripts/bare_chart_app.py --server.port 8617
"""

import plotly.graph_objects as go
import streamlit as st

names = [f"หน่วยงาน {i}" for i in range(1, 51)]
scores = [round(60 + (i * 37 % 40) + (i % 7) * 0.37, 2) for i in range(1, 51)]
figure = go.Figure(go.Bar(x=scores, y=names, orientation="h"))
figure.update_layout(height=500, margin={"l": 10, "r": 10, "t": 30, "b": 10})
st.plotly_chart(figure)
