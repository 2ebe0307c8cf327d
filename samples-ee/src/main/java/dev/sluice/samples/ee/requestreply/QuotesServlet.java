package dev.sluice.samples.ee.requestreply;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** {@code GET /quotes?item=} asks the responder MDB for a price and prints the reply. */
@WebServlet("/quotes")
public class QuotesServlet extends HttpServlet {

    @EJB
    private QuoteClient client;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String item = req.getParameter("item");
        if (item == null || item.isBlank()) {
            resp.sendError(400, "item is required");
            return;
        }
        try {
            String reply = client.quote(item, 30_000);
            if (reply == null) {
                resp.sendError(504, "no reply within 30 s");
                return;
            }
            resp.setContentType("text/plain;charset=UTF-8");
            resp.getWriter().println(reply);
        } catch (Exception e) {
            resp.sendError(500, e.toString());
        }
    }
}
