"""The Streamlit app over the Xianzhi warehouse (read-only)."""
